package io.spyglass.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    private static final Instant NOW = Instant.parse("2024-07-01T12:00:00Z");

    private final LocalServer server = LocalServer.start();
    private final InMemoryArticleLog log = new InMemoryArticleLog();
    private final IngestStats stats = new IngestStats();
    private final FeedPoller poller = new FeedPoller(
            new Fetcher(new FetchSettings("SpyglassTest/1", Duration.ofSeconds(2), Duration.ofSeconds(2), 1 << 20, 3,
                    AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))))),
            ArticleExtractor.withDefaults(), log, stats, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    private String rss(String... items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local desk</title>"
                + "<link>" + server.url("/") + "</link><description>d</description>");
        for (String path : items) {
            b.append("<item><title>Story ").append(path).append("</title><link>").append(path)
                    .append("</link><description>&lt;p&gt;Feed text of ").append(path).append(".&lt;/p&gt;</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    /** Long enough for the extractor to take it for an article rather than a stub. */
    private static final String PAGE_TEXT = "The page of story a tells the whole story in several sentences, the way a news "
            + "article does. It has far more words than the short summary in the feed, names the people involved, "
            + "and explains what happened, when it happened and why it matters to the readers of this site.";

    private FeedSource feed(String path) {
        return new FeedSource(server.url(path), "Local", Duration.ofMinutes(5));
    }

    @Test
    void publishesEachNewItemWithItsPageText() {
        server.serve("/feed", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html; charset=utf-8", "<html><body><article><h1>A</h1><p>" + PAGE_TEXT + "</p></article></body></html>");

        FeedPoll poll = poller.poll(feed("/feed"));

        assertThat(poll.ok()).isTrue();
        assertThat(poll.items()).isEqualTo(1);
        assertThat(poll.published()).isEqualTo(1);
        Article a = log.published().get(0);
        assertThat(a.url()).isEqualTo(server.url("/a").toString());
        assertThat(a.id()).isEqualTo(CanonicalUrl.id(server.url("/a").toString()));
        assertThat(a.title()).isEqualTo("Story /a");
        assertThat(a.text()).isEqualTo(PAGE_TEXT);
        assertThat(a.outcome()).isEqualTo(ExtractionOutcome.FULL);
        assertThat(a.feed()).isEqualTo(new FeedRef(server.url("/feed").toString(), "Local"));
        assertThat(a.fetched()).isEqualTo(NOW);
    }

    @Test
    void fallsBackToTheFeedTextWhenThePageFails() {
        server.serve("/feed", "application/rss+xml", rss("/missing", "/blocked"))
                .serve("/blocked", 403, "text/html", new byte[0]);

        poller.poll(feed("/feed"));

        assertThat(log.published()).extracting(Article::text, Article::outcome).containsExactly(
                tuple("Feed text of /missing.", ExtractionOutcome.SNIPPET_ONLY),
                tuple("Feed text of /blocked.", ExtractionOutcome.BLOCKED));
        assertThat(stats.pagesFailed()).isEqualTo(2);
    }

    @Test
    void neverFetchesAnItemItHasAlreadyPublished() {
        server.serve("/feed", "application/rss+xml", rss("/a", "/a?utm_source=rss"))
                .serve("/a", "text/html", "<p>Page text.</p>");

        FeedPoll first = poller.poll(feed("/feed"));
        FeedPoll second = poller.poll(feed("/feed"));

        assertThat(first.published()).isEqualTo(1);
        assertThat(second.published()).isZero();
        assertThat(server.hits("/feed")).isEqualTo(2);
        assertThat(server.hits("/a")).isEqualTo(1);
        assertThat(log.published()).hasSize(1);
        assertThat(stats.itemsAlreadySeen()).isEqualTo(3);
    }

    @Test
    void reportsAFeedThatAnswersAnErrorStatus() {
        server.serve("/gone", 410, "text/html", new byte[0]);

        FeedPoll poll = poller.poll(feed("/gone"));

        assertThat(poll.ok()).isFalse();
        assertThat(poll.errorKind()).isEqualTo("HTTP_STATUS");
        assertThat(poll.error()).isEqualTo("HTTP 410");
        assertThat(stats.feedsFailed()).isEqualTo(1);
    }

    @Test
    void reportsAFeedThatIsNotXml() {
        server.serve("/html", "text/html", "<!doctype html><html><body>Not a feed</body></html>");

        FeedPoll poll = poller.poll(feed("/html"));

        assertThat(poll.ok()).isFalse();
        assertThat(poll.errorKind()).isEqualTo("PARSE");
        assertThat(log.published()).isEmpty();
    }

    @Test
    void oneFailingFeedDoesNotStopTheOthers() throws Exception {
        server.serve("/good", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html", "<p>Page text.</p>")
                .serve("/broken", "application/rss+xml", "<rss><channel><item>")
                .serveDrip("/slow", Duration.ofMillis(50));
        List<FeedSource> feeds = List.of(feed("/broken"), feed("/slow"), feed("/missing"), feed("/good"));

        List<FeedPoll> polls;
        try (IngestService service = new IngestService(poller, feeds, 4)) {
            polls = service.pollOnce();
        }

        assertThat(polls).extracting(FeedPoll::ok, FeedPoll::errorKind).containsExactly(
                tuple(false, "PARSE"),
                tuple(false, "TIMEOUT"),
                tuple(false, "HTTP_STATUS"),
                tuple(true, null));
        assertThat(log.published()).extracting(Article::url).containsExactly(server.url("/a").toString());
    }
}
