package io.spyglass.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {
    private static final URI PAGE = URI.create("https://desk.example/news/");

    private static byte[] page(String head) {
        return ("<!DOCTYPE html><html><head>" + head + "</head><body><p>News</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheAnnouncedFeedsInPageOrderResolvedAndWithoutRepeats() {
        byte[] html = page("<link rel=\"stylesheet\" type=\"text/css\" href=\"/s.css\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Desk\" href=\"feed/\">"
                + "<link rel=\"Alternate nofollow\" type=\" Application/Atom+XML \" href=\"https://desk.example/atom.xml\">"
                + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"/feed.json\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/news/feed/\">"
                + "<link rel=\"alternate\" type=\"text/html\" hreflang=\"de\" href=\"/de/\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"ftp://desk.example/feed\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:void(0)\">"
                + "<link rel=\"canonical\" type=\"application/rss+xml\" href=\"/not-alternate\">");

        assertThat(FeedDiscovery.feedLinks(html, PAGE)).containsExactly(URI.create("https://desk.example/news/feed/"),
                URI.create("https://desk.example/atom.xml"), URI.create("https://desk.example/feed.json"));
    }

    @Test
    void findsNothingOnAPageThatAnnouncesNoFeed() {
        assertThat(FeedDiscovery.feedLinks(page("<title>No feed</title>"), PAGE)).isEmpty();
        assertThat(FeedDiscovery.feedLinks(new byte[0], PAGE)).isEmpty();
    }

    @Test
    void readsTheLinksOfAPageInALegacyCharset() {
        byte[] html = ("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/caf\u00e9/feed\"></head></html>")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThat(FeedDiscovery.feedLinks(html, PAGE)).containsExactly(URI.create("https://desk.example/caf%C3%A9/feed"));
    }
}
