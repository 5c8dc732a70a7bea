package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.Country;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookMessagesTest {
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    private static StorySource source(String url, String outlet) {
        return new StorySource("a", url, "t", outlet, new FeedRef(url, outlet), T, T, "en", "text", List.of());
    }

    @Test
    void writesASlackMessageWithTheTitleTheStatesAndEverySource() throws Exception {
        Tags tags = new Tags(true, 0.9, List.of(new Country("CN", "China")), List.of(new Country("JP", "Japan")), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), "test/1");
        Story story = new Story(1, "s1", 2, "Hackers <inside> Japan's defence & foreign ministries", "https://a.example/1", T, T,
                tags, List.of(source("https://a.example/1", "Harbour Ledger"), source("https://b.example/2", "b.example")));

        String text = Json.MAPPER.readTree(WebhookMessages.slack(story)).get("text").asText();

        assertThat(text).isEqualTo("""
                :satellite_antenna: *Story update* (2 sources): Hackers &lt;inside&gt; Japan's defence &amp; foreign ministries
                Attributed to: China
                Victims: Japan
                • <https://a.example/1|Harbour Ledger>
                • <https://b.example/2|b.example>""");
    }

    @Test
    void saysAStoryMergedIntoAnotherWentThereWithoutRepeatingItsSources() throws Exception {
        Tags tags = new Tags(true, 0.9, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "t/1");
        Story merged = new Story(1, "s2", 3, "Tokyo scrambles after <classified> breach", "https://b.example/2", T, T, tags,
                List.of(source("https://b.example/2", "b.example")), 0, "s1");

        String text = Json.MAPPER.readTree(WebhookMessages.slack(merged)).get("text").asText();

        assertThat(text).isEqualTo(":link: *Story merged* into story s1, which has its 1 sources: "
                + "Tokyo scrambles after &lt;classified&gt; breach");
    }

    @Test
    void announcesTheFirstVersionAsNew() throws Exception {
        Tags tags = new Tags(true, 0.9, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "t/1");
        Story story = new Story(1, "s1", 1, "Spies", "https://a.example/1", T, T, tags, List.of(source("https://a.example/1", "A")));

        assertThat(Json.MAPPER.readTree(WebhookMessages.slack(story)).get("text").asText())
                .isEqualTo(":satellite_antenna: *New espionage story*: Spies\n• <https://a.example/1|A>");
    }
}
