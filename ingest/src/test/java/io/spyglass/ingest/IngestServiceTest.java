package io.spyglass.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.log.InMemoryArticleLog;
import io.spyglass.ingest.log.InMemoryFeedStatusLog;
import io.spyglass.ingest.poll.FeedPoller;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.model.FeedStatus;
import io.spyglass.testkit.LocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestServiceTest {
    // statuses are stamped with this clock; the polls themselves are scheduled on real delays
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String EMPTY_RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>https://example.com/</link><description>d</description></channel></rss>";

    private final LocalServer server = LocalServer.start();
    private final InMemoryFeedStatusLog statuses = new InMemoryFeedStatusLog();
    private final FeedPoller poller = new FeedPoller(
            new Fetcher(FetchSettings.defaults().withUserAgent("SpyglassTest/1")
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withSizeLimits(1 << 20, 3)
                    .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false)),
            null, ArticleExtractor.withDefaults(), new InMemoryArticleLog(), new IngestStats(), CLOCK, ItemLimits.defaults());

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedSource feed(String path) {
        // a short interval keeps the test quick; the feed list itself never allows less than 10 s
        return new FeedSource(server.url(path), null, Duration.ofMillis(50));
    }

    @Test
    void startsNewFeedsAndStopsRemovedOnesWhenTheListIsReplaced() {
        server.serve("/a", "application/rss+xml", EMPTY_RSS).serve("/b", "application/rss+xml", EMPTY_RSS);
        try (IngestService service = new IngestService(poller, List.of(feed("/a")), 2, statuses, CLOCK)) {
            service.start();
            await().until(() -> server.hits("/a") >= 2);

            service.replaceFeeds(List.of(feed("/b")));
            int aAtSwitch = server.hits("/a");
            await().until(() -> server.hits("/b") >= 3);

            assertThat(service.feeds()).containsExactly(feed("/b"));
            // a poll of /a already running when the list changed may still finish
            assertThat(server.hits("/a")).isBetween(aAtSwitch, aAtSwitch + 1);
        }
        assertThat(statuses.recorded()).extracting(s -> s.url()).contains(server.url("/a").toString(), server.url("/b").toString());
    }

    @Test
    void keepsPollingAFeedAfterItFails() {
        server.serve("/flaky", 500, "text/plain", new byte[0]);
        try (IngestService service = new IngestService(poller, List.of(feed("/flaky")), 1, statuses, CLOCK)) {
            service.start();

            // the status of a poll is recorded after its request is answered, so wait for the record, not the hit
            await().until(() -> statuses.recorded().size() >= 3);
        }
        assertThat(statuses.recorded().get(2).consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void continuesTheHealthRecordOfAFeedPolledElsewhere() {
        server.serve("/flaky", 500, "text/plain", new byte[0]);
        Instant lastSuccess = Instant.parse("2024-07-01T10:00:00Z");
        try (IngestService service = new IngestService(poller, List.of(feed("/flaky")), 1, statuses, CLOCK)) {
            service.resume(new FeedStatus(1, server.url("/flaky").toString(), lastSuccess, lastSuccess, 500, 12, 4, "HTTP_STATUS",
                    "HTTP 500", lastSuccess.minusSeconds(3600), lastSuccess, null));
            service.start();

            await().until(() -> !statuses.recorded().isEmpty());
        }
        FeedStatus first = statuses.recorded().get(0);
        assertThat(first.consecutiveFailures()).isEqualTo(5);
        assertThat(first.lastAttempt()).isEqualTo(CLOCK.instant());
        assertThat(first.lastSuccess()).isEqualTo(lastSuccess);
        assertThat(first.itemsSeen()).isEqualTo(12);
        assertThat(first.newestItem()).isEqualTo(lastSuccess.minusSeconds(3600));
        assertThat(first.lastNewArticle()).isEqualTo(lastSuccess);
    }

    // https://github.com/spyglass-news/spyglass/issues/17: stopping ingest cancels a page fetch in flight; the item is
    // neither published with the feed's text nor marked seen, so the next run fetches it
    @Test
    void closingCancelsAPageFetchInFlightAndLeavesTheItemUnseen() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Slow</title><link>"
                + server.url("/slow-page") + "</link><description>Feed text.</description></item></channel></rss>";
        server.serve("/feed", "application/rss+xml", rss).serveDrip("/slow-page", Duration.ofMillis(50));
        InMemoryArticleLog articles = new InMemoryArticleLog();
        // a deadline of 5 s: without cancelling, close() would wait for it and the page would be published as a snippet
        FeedPoller slowPoller = new FeedPoller(new Fetcher(FetchSettings.defaults().withUserAgent("SpyglassTest/1")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withSizeLimits(1 << 20, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false)),
                null, ArticleExtractor.withDefaults(), articles, new IngestStats(), CLOCK, ItemLimits.defaults());
        IngestService service = new IngestService(slowPoller, List.of(new FeedSource(server.url("/feed"), null,
                Duration.ofMinutes(5))), 1, statuses, CLOCK);
        service.start();
        await().until(() -> server.hits("/slow-page") == 1);

        service.close();

        assertThat(articles.published()).as("nothing published after the cancel").isEmpty();
        assertThat(articles.state(CanonicalUrl.id(server.url("/slow-page").toString()))).isNull();
        assertThat(statuses.recorded()).as("a poll cut short by the stop is no failure of the feed").isEmpty();
    }
}
