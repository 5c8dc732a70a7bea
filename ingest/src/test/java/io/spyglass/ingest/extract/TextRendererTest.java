package io.spyglass.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextRendererTest {

    private static String render(String html) {
        return TextRenderer.render(List.of(Jsoup.parseBodyFragment(html).body()));
    }

    @Test
    void separatesBlocksWithBlankLines() {
        assertThat(render("<p>One <b>bold</b> line.</p><div>Two.</div><ul><li>Three.</li></ul>"))
                .isEqualTo("One bold line.\n\nTwo.\n\nThree.");
    }

    @Test
    void dropsParagraphsThatAreMostlyLinks() {
        assertThat(render("<p>" + Fixtures.P1 + "</p><p><a href=\"/a\">Another story about hackers</a> here</p>"))
                .isEqualTo(Fixtures.P1);
    }

    @Test
    void dropsStockPhrasesAndTheHeadline() {
        assertThat(render("<h1>Headline</h1><p>Advertisement</p><p>" + Fixtures.P1 + "</p>")).isEqualTo(Fixtures.P1);
    }

    @Test
    void trimsLabelsAndAppealsAtTheEdges() {
        assertThat(TextRenderer.trimEdges(List.of("News", Fixtures.P1, "Follow us on social media for more.", "Tags")))
                .containsExactly(Fixtures.P1);
    }

    @Test
    void keepsShortNewsParagraphsThatOnlyMentionSubscribers() {
        String news = "The streaming service lost a million subscribers in the quarter.";

        assertThat(render("<p>" + Fixtures.P1 + "</p><p>" + news + "</p><p>" + Fixtures.P2 + "</p>"))
                .isEqualTo(Fixtures.P1 + "\n\n" + news + "\n\n" + Fixtures.P2);
    }

    @Test
    void dropsShortCallsToSubscribe() {
        assertThat(render("<p>" + Fixtures.P1 + "</p><p>Subscribe to our newsletter!</p><p>" + Fixtures.P2 + "</p>"))
                .isEqualTo(Fixtures.P1 + "\n\n" + Fixtures.P2);
    }

    @Test
    void keepsSubheadingsAndSentencesThatOnlyResembleBoilerplate() {
        List<String> story = List.of(Fixtures.P1, "Share prices fell sharply.", Fixtures.P2,
                "More from the interview", Fixtures.P3);

        assertThat(TextRenderer.trimEdges(story)).isEqualTo(story);
        assertThat(render("<p>" + Fixtures.P1 + "</p><p>Share prices fell sharply.</p><p>" + Fixtures.P2 + "</p>"))
                .isEqualTo(Fixtures.P1 + "\n\nShare prices fell sharply.\n\n" + Fixtures.P2);
    }

    @Test
    void cutsAtARelatedContentLabelInTheSecondHalf() {
        assertThat(TextRenderer.trimEdges(List.of(Fixtures.P1, Fixtures.P2, "Read more", "A teaser for another story.")))
                .containsExactly(Fixtures.P1, Fixtures.P2);
    }

    @Test
    void rendersNothingForNoElements() {
        assertThat(TextRenderer.render(List.of())).isEmpty();
    }
}
