package io.spyglass.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryIndexTest {
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final Country CN = new Country("CN", "China");
    private static final Country RU = new Country("RU", "Russia");
    private static final Country JP = new Country("JP", "Japan");
    private static final Country DE = new Country("DE", "Germany");

    static Story story(String id, int version, String title, int hoursAfter, List<Country> attributed,
                       List<Country> victims, String language, String... outlets) {
        Instant t = T0.plusSeconds(hoursAfter * 3600L);
        List<StorySource> sources = new ArrayList<>();
        for (String outlet : outlets) {
            String url = "https://" + outlet + "/" + id;
            sources.add(new StorySource(id + "@" + outlet, url, title, outlet, new FeedRef("https://" + outlet + "/feed", outlet),
                    t, t, language, "text", List.of()));
        }
        Tags tags = new Tags(true, 0.9, attributed, victims, List.of(new Actor("APT" + id.length(), null)),
                List.of("government"), List.of("PlugX"), List.of(), List.of(), List.of(), "test");
        return new Story(Story.SCHEMA_VERSION, id, version, title, sources.get(0).url(), t, t, tags, sources);
    }

    private static StoryIndex.Position at(long offset) {
        return new StoryIndex.Position(0, offset);
    }

    @Test
    void keepsTheLatestVersionOfEachStoryNewestFirst() {
        StoryIndex index = new StoryIndex(100);
        index.apply(story("a", 1, "Old news", 0, List.of(CN), List.of(JP), "en", "one.example"), at(0));
        index.apply(story("b", 1, "Newer news", 5, List.of(RU), List.of(DE), "de", "two.example"), at(1));
        StorySummary updated = index.apply(story("a", 2, "Old news", 9, List.of(CN), List.of(JP), "ja",
                "one.example", "three.example"), at(2)).orElseThrow();

        assertThat(index.apply(story("a", 1, "Old news", 0, List.of(CN), List.of(JP), "en", "one.example"), at(3)))
                .as("an older version changes nothing").isEmpty();
        assertThat(updated.outlets()).isEqualTo(2);
        assertThat(updated.languages()).containsExactly("ja");
        assertThat(index.page(StoryFilter.ALL, 0, 10).stories()).extracting(StorySummary::storyId).containsExactly("a", "b");
        assertThat(index.position("a")).contains(at(2));
        assertThat(index.remove("a")).isTrue();
        assertThat(index.page(StoryFilter.ALL, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void dropsAStoryMergedIntoAnotherFromTheView() {
        StoryIndex index = new StoryIndex(100);
        index.apply(story("a", 1, "PLA hackers in Japan", 0, List.of(CN), List.of(JP), "en", "one.example"), at(0));
        Story b = story("b", 1, "Tokyo scrambles after breach", 1, List.of(CN), List.of(JP), "en", "two.example");
        index.apply(b, at(1));
        Story merged = new Story(b.schemaVersion(), b.storyId(), 2, b.title(), b.url(), b.firstSeen(), b.lastSeen(), b.tags(),
                b.sources(), 0, "a");

        assertThat(index.apply(merged, at(2))).isEmpty();
        assertThat(index.page(StoryFilter.ALL, 0, 10).stories()).extracting(StorySummary::storyId).containsExactly("a");
        assertThat(index.position("b")).isEmpty();
    }

    @Test
    void holdsAtMostItsCapacityDroppingTheStorySeenLongestAgo() {
        StoryIndex index = new StoryIndex(3);
        for (int i = 0; i < 5; i++) {
            index.apply(story("s" + i, 1, "Story " + i, i, List.of(CN), List.of(JP), "en", "one.example"), at(i));
        }
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.page(StoryFilter.ALL, 0, 10).stories()).extracting(StorySummary::storyId)
                .containsExactly("s4", "s3", "s2");
        assertThat(index.apply(story("old", 1, "Ancient", -100, List.of(CN), List.of(JP), "en", "one.example"), at(9)))
                .as("a story older than all held is not kept").isEmpty();
    }

    @Test
    void filtersByEveryFieldAndPages() {
        StoryIndex index = new StoryIndex(100);
        index.apply(story("a", 1, "Chinese spies in Tokyo", 0, List.of(CN), List.of(JP), "ja", "nikkei.example"), at(0));
        index.apply(story("b", 1, "GRU inside the ministry", 1, List.of(RU), List.of(DE), "de", "spiegel.example"), at(1));
        index.apply(story("cc", 1, "Unattributed intrusion", 2, List.of(), List.of(JP), "en", "record.example"), at(2));

        assertThat(ids(index, filter(Map.of("victim", "jp")))).containsExactly("cc", "a");
        assertThat(ids(index, filter(Map.of("attributed", "RU")))).containsExactly("b");
        assertThat(ids(index, filter(Map.of("lang", "ja")))).containsExactly("a");
        assertThat(ids(index, filter(Map.of("actor", "apt2")))).containsExactly("cc");
        assertThat(ids(index, filter(Map.of("q", "MINISTRY spiegel")))).containsExactly("b");
        assertThat(ids(index, filter(Map.of("sector", "energy")))).isEmpty();
        assertThat(ids(index, filter(Map.of("from", "2026-11-02", "to", "2026-11-02")))).hasSize(3);
        assertThat(ids(index, filter(Map.of("to", "2026-11-01")))).isEmpty();
        StoryIndex.Page second = index.page(StoryFilter.ALL, 1, 1);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.stories()).extracting(StorySummary::storyId).containsExactly("b");
    }

    @Test
    void aDateThatIsNoDateIsRefusedByName() {
        assertThatThrownBy(() -> filter(Map.of("from", "yesterday")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'from'").hasMessageContaining("yesterday");
    }

    @Test
    void countsStoriesPerDayByStateAndWhoHitWhom() {
        StoryIndex index = new StoryIndex(100);
        index.apply(story("a", 1, "One", 0, List.of(CN), List.of(JP, DE), "en", "x.example"), at(0));
        index.apply(story("b", 1, "Two", 2, List.of(CN), List.of(JP), "en", "x.example"), at(1));
        index.apply(story("c", 1, "Three", 48, List.of(), List.of(DE), "en", "x.example"), at(2));

        StoryIndex.Stats stats = index.stats(StoryFilter.ALL);
        assertThat(stats.days()).containsExactly("2026-11-02", "2026-11-03", "2026-11-04");
        assertThat(stats.storiesPerDay().get("CN")).containsExactly(2, 0, 0);
        assertThat(stats.storiesPerDay().get(StoryIndex.UNATTRIBUTED)).containsExactly(0, 0, 1);
        assertThat(stats.flows()).extracting(f -> f.attributed().code() + ">" + f.victim().code() + "=" + f.stories())
                .containsExactly("CN>JP=2", "CN>DE=1");
        assertThat(index.facets().get("victim")).extracting(StoryIndex.Facet::value).containsExactly("DE", "JP");
    }

    private static StoryFilter filter(Map<String, String> params) {
        return StoryFilter.of(params::get);
    }

    private static List<String> ids(StoryIndex index, StoryFilter f) {
        return index.page(f, 0, 50).stories().stream().map(StorySummary::storyId).toList();
    }
}
