package io.spyglass.ingest.feed;

import static io.spyglass.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedParserTest {
    private static final URI FEED_URL = URI.create("https://json.example.com/feed.json");

    private static FeedParseException failure(String json) {
        return assertThrows(FeedParseException.class,
                () -> FeedParser.parse(json.getBytes(StandardCharsets.UTF_8), "application/feed+json", FEED_URL));
    }

    @Test
    void readsJsonFeed11() throws Exception {
        ParsedFeed feed = FeedParser.parse(feed("json-feed-1.1.json"), "application/feed+json", FEED_URL);

        assertThat(feed.title()).isEqualTo("Example JSON Desk");
        assertThat(feed.items()).containsExactly(
                new FeedItem(URI.create("https://json.example.com/posts/1"), "Telecom intrusion disclosed",
                        Instant.parse("2024-08-01T07:00:00Z"), List.of("R. Porter", "S. Analyst"), "<p>Body of post 1.</p>"),
                new FeedItem(URI.create("https://json.example.com/posts/2"), "Relative link, text only",
                        Instant.parse("2024-08-02T10:00:00Z"), List.of("Desk Staff"),
                        "<p>First line &amp; more.</p><p>Second paragraph.</p>"),
                new FeedItem(URI.create("https://json.example.com/posts/3"), "Id is the link", null, List.of("Desk Staff"),
                        "<p>Summary only.</p>"));
        assertThat(feed.skipped()).isEqualTo(2);
    }

    @Test
    void readsJsonFeed10WithItsSingleAuthor() throws Exception {
        ParsedFeed feed = FeedParser.parse(feed("json-feed-1.0.json"), null, FEED_URL);

        assertThat(feed.items()).containsExactly(new FeedItem(URI.create("https://old.example.com/a"), "", null,
                List.of("Solo Blogger"), "<p>Hello.</p>"));
    }

    @Test
    void refusesJsonThatIsNotAJsonFeed() {
        assertThat(failure("{\"title\": \"x\", \"items\": []}").getMessage())
                .isEqualTo("not a valid JSON Feed: 'version' is '', expected https://jsonfeed.org/version/1.1");
        assertThat(failure("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": {}}").getMessage())
                .isEqualTo("not a valid JSON Feed: no 'items' array");
    }

    @Test
    void reportsBrokenJsonWithItsPosition() {
        assertThat(failure("{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [").getMessage())
                .isEqualTo("not a valid JSON Feed: bad JSON at line 2, column 12: Unexpected end-of-input: expected close marker "
                        + "for Array (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                        + "line: 2, column: 11])");
    }
}
