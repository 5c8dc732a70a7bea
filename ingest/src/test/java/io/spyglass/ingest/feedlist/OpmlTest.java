package io.spyglass.ingest.feedlist;

import static io.spyglass.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlTest {
    private static final Duration DEFAULT = Duration.ofMinutes(15);

    @Test
    void readsEveryHttpFeedOnceWithItsTitle() {
        assertThat(Opml.read(feed("subscriptions.opml"), "subs.opml", DEFAULT)).containsExactly(
                new FeedSource(URI.create("https://desk.example.com/feed"), "The \"Desk\"", DEFAULT),
                new FeedSource(URI.create("https://research.example.com/atom.xml"), "Research", DEFAULT));
    }

    @Test
    void refusesADoctype() {
        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body/></opml>"
                .getBytes(StandardCharsets.UTF_8);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Opml.read(xxe, "subs.opml", DEFAULT));

        assertThat(e.getMessage()).isEqualTo("subs.opml: not valid XML at line 1: DOCTYPE is disallowed when the feature "
                + "\"http://apache.org/xml/features/disallow-doctype-decl\" set to true.");
    }

    @Test
    void refusesXmlThatIsNotOpml() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Opml.read(feed("rss-2.0.xml"), "subs.opml", DEFAULT));

        assertThat(e.getMessage()).isEqualTo("subs.opml: not OPML: the root element is <rss>");
    }

    @Test
    void appendsOnlyNewFeedsAndKeepsTheFilesComments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, "# my feeds\nfeeds:\n  - url: https://desk.example.com/feed\n    interval: 5m\n");

        List<FeedSource> added = FeedList.append(file, Opml.read(feed("subscriptions.opml"), "subs.opml", DEFAULT), DEFAULT);

        assertThat(added).extracting(FeedSource::url).containsExactly(URI.create("https://research.example.com/atom.xml"));
        assertThat(Files.readString(file)).isEqualTo("""
                # my feeds
                feeds:
                  - url: https://desk.example.com/feed
                    interval: 5m
                  - url: "https://research.example.com/atom.xml"
                    name: "Research"
                """);
    }

    @Test
    void createsAMissingFeedListAndEscapesNames(@TempDir Path dir) {
        Path file = dir.resolve("feeds.yaml");

        FeedList.append(file, Opml.read(feed("subscriptions.opml"), "subs.opml", DEFAULT), DEFAULT);

        assertThat(FeedList.load(file, DEFAULT)).extracting(FeedSource::name).containsExactly("The \"Desk\"", "Research");
    }
}
