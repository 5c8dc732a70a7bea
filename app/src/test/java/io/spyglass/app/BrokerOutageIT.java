package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.health.IngestProbe;
import io.spyglass.app.health.StageStatus;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.IngestSettings;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.testkit.LocalServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 1: a broker outage while ingest's transactional producer commits. The broker is stopped and started
 * again on the same port and log directory; ingest must say it is not ready while it cannot write, and store the items
 * the outage held up once the broker is back.
 */
class BrokerOutageIT {
    @TempDir
    Path dir;

    private EmbeddedKafka kafka;
    private int port;
    private LocalServer server;
    /** Item paths the feed lists, newest last. */
    private final List<String> items = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(dir, 0);
        port = kafka.port();
        try (TopicAdmin admin = new TopicAdmin(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.ensure(Topics.defaults(), 1, Retention.defaults());
        }
        server = LocalServer.start().serveAll(path -> LocalServer.Response.ok(
                path.equals("/feed") ? "application/rss+xml" : "text/html", path.equals("/feed") ? feed()
                        : "<html><head><title>Story " + path + "</title></head><body><article><p>"
                        + "The text of the story at " + path + ", long enough to count as the article's text. ".repeat(8)
                        + "</p></article></body></html>"));
    }

    @AfterEach
    void stop() {
        server.close();
        if (kafka != null) {
            kafka.close();
        }
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private String feed() {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outage</title>");
        for (String item : items) {
            rss.append("<item><title>Story ").append(item).append("</title><link>").append(url(item)).append("</link></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    private boolean stored(String path) {
        String id = CanonicalUrl.id(url(path));
        return TopicReader.readAll(kafka.bootstrapServers(), Topics.defaults().articles()).stream()
                .anyMatch(r -> r.getKey().equals(id));
    }

    @Test
    void reportsNotReadyWhileTheBrokerIsDownAndStoresWhatItHeldUpOnceItIsBack() {
        FetchSettings fetch = FetchSettings.defaults().withUserAgent("Spyglass-outage")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withSizeLimits(1 << 20, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false);
        // short client timeouts so that a commit into a stopped broker fails in seconds rather than a minute
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers(), "max.block.ms", 4000,
                "request.timeout.ms", 2000, "delivery.timeout.ms", 3000, "transaction.timeout.ms", 10000);
        FeedSource source = new FeedSource(URI.create(url("/feed")), null, Duration.ofMillis(500));
        IngestProbe probe = new IngestProbe();
        items.add("/before");
        try (IngestApp app = new IngestApp(ClusterSettings.defaults().withKafka(client),
                IngestSettings.defaults().withFetch(fetch).withThreads(2), List.of(source), "outage")) {
            probe.attach(app);
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> stored("/before"));
            assertThat(probe.status().ready()).as("ready while Kafka takes writes").isTrue();

            kafka.close();
            kafka = null;
            items.add("/during");

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                StageStatus status = probe.status();
                assertThat(status.ready()).as("ready while the article log cannot write").isFalse();
                assertThat(status.failed()).as("an outage is no reason for a restart").isFalse();
                assertThat(status.reason()).as("why ingest is not ready").contains("Kafka");
            });

            kafka = EmbeddedKafka.start(dir, port);

            await().atMost(Duration.ofSeconds(120)).until(() -> stored("/during"));
            items.add("/after");
            await().atMost(Duration.ofSeconds(60)).until(() -> stored("/after"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.status().ready())
                    .as("ready again once Kafka takes writes").isTrue());
        }
    }
}
