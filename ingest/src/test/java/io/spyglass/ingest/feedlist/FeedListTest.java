package io.spyglass.ingest.feedlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.model.settings.Durations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {
    private static final Duration DEFAULT = Duration.ofMinutes(15);

    private static IllegalArgumentException failure(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> FeedList.parse(yaml, "feeds.yaml", DEFAULT));
    }

    @Test
    void readsBareUrlsAndEntriesWithNameAndInterval() {
        String yaml = """
                feeds:
                  - https://a.example.com/feed
                  - url: https://b.example.com/rss
                    name: " B News "
                    interval: 1h30m
                """;

        assertThat(FeedList.parse(yaml, "feeds.yaml", DEFAULT)).containsExactly(
                new FeedSource(URI.create("https://a.example.com/feed"), null, DEFAULT),
                new FeedSource(URI.create("https://b.example.com/rss"), "B News", Duration.ofMinutes(90)));
    }

    @Test
    void readsAFeedsHeadersTakingSecretsFromTheEnvironment() {
        String yaml = """
                feeds:
                  - url: https://intel.example.com/feed
                    headers:
                      X-Api-Key: ${INTEL_KEY}
                      Authorization: "Bearer literal-token"
                      X-Note: "${not a reference"
                """;

        FeedSource feed = FeedList.parse(yaml, "feeds.yaml", DEFAULT, Map.of("INTEL_KEY", "k-123")).get(0);

        assertThat(feed.headers()).containsOnly(Map.entry("X-Api-Key", "k-123"),
                Map.entry("Authorization", "Bearer literal-token"), Map.entry("X-Note", "${not a reference"));
        assertThat(feed.toString()).contains("headers=[Authorization, X-Api-Key, X-Note]").doesNotContain("k-123", "literal-token");
    }

    @Test
    void refusesHeadersItCannotSendSafelyWithoutEchoingTheirValues() {
        String unset = "feeds:\n  - url: https://intel.example.com/feed\n    headers:\n      X-Api-Key: ${INTEL_KEY}\n";
        String broken = "feeds:\n  - url: https://intel.example.com/feed\n    headers:\n      X-Api-Key: \"k-1\\r\\nX-Evil: 1\"\n";
        String reserved = "feeds:\n  - url: https://intel.example.com/feed\n    headers:\n      Host: other.example\n";
        String badName = "feeds:\n  - url: https://intel.example.com/feed\n    headers:\n      \"X Api\": k\n";

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FeedList.parse(unset, "feeds.yaml", DEFAULT, Map.of()));

        assertThat(missing.getMessage()).isEqualTo("feeds.yaml: feeds[0] (https://intel.example.com/feed): header 'X-Api-Key' "
                + "takes environment variable INTEL_KEY, which is not set");
        assertThat(failure(broken).getMessage()).endsWith("header 'X-Api-Key' has a line break in its value").doesNotContain("k-1");
        assertThat(failure(reserved).getMessage()).endsWith("'Host' is not a header a feed entry can set");
        assertThat(failure(badName).getMessage()).endsWith("'X Api' is not a header a feed entry can set");
    }

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, "feeds:\n  - url: https://a.example.com/feed\n");

        assertThat(FeedList.load(file, DEFAULT))
                .containsExactly(new FeedSource(URI.create("https://a.example.com/feed"), null, DEFAULT));
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeedList.load(file, DEFAULT));

        assertThat(e.getMessage()).isEqualTo(file + ": file not found");
    }

    @Test
    void namesTheLineOfInvalidYaml() {
        assertThat(failure("feeds:\n  - url: [unclosed\n").getMessage())
                .startsWith("feeds.yaml: not valid YAML at line 2, column 19: while parsing a flow sequence")
                .contains("expected ',' or ']', but got <stream end>");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(failure("").getMessage()).isEqualTo("feeds.yaml: empty file; expected a 'feeds:' list");
    }

    @Test
    void refusesAFileWithoutAFeedsList() {
        assertThat(failure("feed:\n  - https://a.example.com/\n").getMessage())
                .isEqualTo("feeds.yaml: expected a top-level 'feeds:' list");
    }

    @Test
    void namesAnEntryWithAnUnknownKey() {
        assertThat(failure("feeds:\n  - url: https://a.example.com/\n    intervall: 5m\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0]: unknown key 'intervall' (known: url, name, interval, headers)");
    }

    @Test
    void namesAnEntryWithoutUrl() {
        assertThat(failure("feeds:\n  - https://a.example.com/\n  - name: nameless\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[1]: missing 'url'");
    }

    @Test
    void namesAnEntryThatIsNeitherUrlNorMap() {
        assertThat(failure("feeds:\n  - [1, 2]\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0]: expected 'url: ...' (and optional name, interval, headers)");
    }

    @Test
    void refusesNonHttpUrls() {
        assertThat(failure("feeds:\n  - file:///etc/passwd\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0]: bad url 'file:///etc/passwd': only http and https are supported");
    }

    @Test
    void refusesUrlsWithoutHost() {
        assertThat(failure("feeds:\n  - https:///feed\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0]: bad url 'https:///feed': no host");
    }

    @Test
    void refusesUnparsableUrls() {
        assertThat(failure("feeds:\n  - https://a.example.com/a b\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0]: bad url 'https://a.example.com/a b': Illegal character in path");
    }

    @Test
    void refusesAFeedListedTwice() {
        assertThat(failure("feeds:\n  - https://a.example.com/\n  - url: https://a.example.com/\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[1] (https://a.example.com/): listed twice");
    }

    @Test
    void refusesABadInterval() {
        assertThat(failure("feeds:\n  - url: https://a.example.com/\n    interval: soon\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0] (https://a.example.com/): bad interval 'soon' (examples: 90s, 10m, 1h)");
    }

    @Test
    void refusesAnIntervalShorterThanTenSeconds() {
        assertThat(failure("feeds:\n  - url: https://a.example.com/\n    interval: 5s\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0] (https://a.example.com/): interval '5s' is shorter than 10s");
    }

    @Test
    void refusesAnIntervalTooLongForADuration() {
        assertThat(failure("feeds:\n  - url: https://a.example.com/\n    interval: 99999999999999999999d\n").getMessage())
                .isEqualTo("feeds.yaml: feeds[0] (https://a.example.com/): interval '99999999999999999999d' is too long");
    }

    @Test
    void parsesCompoundDurations() {
        assertThat(Durations.parse("1h30m", "x")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d", "x")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("250ms", "x")).isEqualTo(Duration.ofMillis(250));
    }
}
