package io.spyglass.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spyglass.ingest.IngestService;
import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.HostThrottle;
import io.spyglass.ingest.log.InMemoryArticleLog;
import io.spyglass.ingest.log.InMemoryFeedStatusLog;
import io.spyglass.ingest.poll.IngestStats.Count;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedStatus;
import io.spyglass.testkit.LocalServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// https://github.com/spyglass-news/spyglass/issues/17 (resource caps measured): hostile pages and feeds served by a
// real server, at the production caps (fetch.max-bytes 10 MiB, ingest.max-items-per-feed 500); each ends in a clear
// feed status or a bounded result. The peak heap of each case is measured by bench's HostileInputBench.
class HostileInputTest {
    private static final Instant NOW = Instant.parse("2024-07-01T12:00:00Z");
    private static final long FIFTY_MB = 50L * 1000 * 1000;
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final LocalServer server = LocalServer.start();
    private final InMemoryArticleLog log = new InMemoryArticleLog();
    private final InMemoryFeedStatusLog statuses = new InMemoryFeedStatusLog();
    private final IngestStats stats = new IngestStats();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Fetcher fetcher = new Fetcher(FetchSettings.defaults().withUserAgent("SpyglassTest/1 (+https://example.com)")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)).withSizeLimits(MAX_BYTES, 5)
            .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false),
            new HostThrottle(4, Duration.ZERO), clock);
    private final FeedPoller poller = new FeedPoller(fetcher, null, ArticleExtractor.withDefaults(), log, stats, clock,
            ItemLimits.defaults());

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedSource feed(String path) {
        return new FeedSource(server.url(path), "Hostile", Duration.ofMinutes(5));
    }

    private String rss(String... items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title>");
        for (String path : items) {
            b.append("<item><title>Story ").append(path).append("</title><link>").append(server.url(path))
                    .append("</link><description>Feed text of ").append(path).append(".</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    private List<FeedStatus> pollOnce(String... paths) throws Exception {
        List<FeedSource> feeds = Arrays.stream(paths).map(this::feed).toList();
        try (IngestService service = new IngestService(poller, feeds, 2, statuses, clock)) {
            service.pollOnce();
        }
        return statuses.recorded();
    }

    /** Streams {@code total} bytes of a feed without a Content-Length (chunked), so only counting can stop it. */
    private void serveChunked(String path, long total) {
        server.handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            OutputStream out = exchange.getResponseBody();
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
            }
        });
    }

    @Test
    void refusesA50MegabyteFeedWithOrWithoutContentLengthAsTooLarge() throws Exception {
        server.serveLarge("/sized", FIFTY_MB);
        serveChunked("/chunked", FIFTY_MB);

        List<FeedStatus> recorded = pollOnce("/sized", "/chunked");

        assertThat(recorded).extracting(FeedStatus::url, FeedStatus::errorClass, FeedStatus::message, FeedStatus::consecutiveFailures)
                .containsExactlyInAnyOrder(
                        tuple(server.url("/sized").toString(), "TOO_LARGE", server.url("/sized") + " is larger than 10485760 bytes", 1),
                        tuple(server.url("/chunked").toString(), "TOO_LARGE", server.url("/chunked") + " is larger than 10485760 bytes", 1));
    }

    @Test
    void publishesTheFeedTextOfAnArticleWhosePageIs50Megabytes() {
        server.serve("/feed", "application/rss+xml", rss("/big"))
                .serveLarge("/big", FIFTY_MB);

        FeedPoll poll = poller.poll(feed("/feed"));

        assertThat(poll.ok()).as("the feed itself is fine").isTrue();
        assertThat(log.published()).extracting(Article::url, Article::text, Article::outcome)
                .containsExactly(tuple(server.url("/big").toString(), "Feed text of /big.", ExtractionOutcome.SNIPPET_ONLY));
        assertThat(stats.get(Count.PAGES_FAILED)).isEqualTo(1);
    }

    @Test
    void extractsAPageNested100000LevelsDeepWithoutCrashing() {
        String text = "The ministry said the intrusion began in March and that the attackers read diplomatic mail for "
                + "months before anyone noticed, according to the report published on Tuesday by the national agency.";
        server.serve("/feed", "application/rss+xml", rss("/deep"))
                .serve("/deep", "text/html; charset=utf-8",
                        "<html><body>" + "<div>".repeat(100_000) + "<p>" + text + "</p></body></html>");

        FeedPoll poll = poller.poll(feed("/feed"));

        assertThat(poll.ok()).isTrue();
        assertThat(log.published()).extracting(Article::text, Article::outcome)
                .containsExactly(tuple(text, ExtractionOutcome.FULL));
    }

    @Test
    void takesTheFirst500OfAFeedWith100000ItemsAndSaysTheRestWait() throws Exception {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flood</title>");
        for (int i = 0; i < 100_000; i++) {
            rss.append("<item><title>S").append(i).append("</title><link>/s").append(i).append("</link></item>");
        }
        byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).as("the feed fits under fetch.max-bytes, so the item cap is what holds").isLessThan(MAX_BYTES);
        server.serve("/flood", 200, "application/rss+xml", body);

        List<FeedStatus> recorded = pollOnce("/flood");

        assertThat(log.published()).hasSize(500);
        assertThat(recorded).extracting(FeedStatus::errorClass, FeedStatus::message, FeedStatus::consecutiveFailures, FeedStatus::itemsSeen)
                .containsExactly(tuple(null, "took 500 new or changed items, the most a poll takes (ingest.max-items-per-feed); "
                        + "99500 older of the feed's 100000 items wait for later polls", 0, 100_000));
    }
}
