package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.IngestSettings;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.model.Json;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.testkit.LocalServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, item 3: an article over Kafka's 1 MiB record limit could never be stored and was fetched again on every
 * poll while feed-status said OK. Pages over 1 MB come from a loopback server; the articles go to a real broker.
 */
@ExtendWith(KafkaBroker.class)
class OversizedArticleIT {
    /** About 1.6 MB of UTF-8: mostly ASCII, with two- and three-byte characters throughout. */
    private static final String HUGE_PAGE = "<html><head><title>A very long report</title></head><body><article>"
            + ("<p>The report goes on and on about the café, the naïve plan and 情報機関 in paragraph after paragraph, "
            + "as some government publications really do.</p>\n").repeat(12_000)
            + "</article></body></html>";
    private static final String SMALL_PAGE = "<html><head><title>A short report</title></head><body><article><p>"
            + "A normal article, with a few sentences of text, the kind of page most feeds link to every day. ".repeat(5)
            + "</p></article></body></html>";

    private LocalServer server;
    private Topics topics;

    @BeforeEach
    void start(KafkaBroker.Cluster kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topics = new Topics("oversized-" + run + ".articles", "oversized-" + run + ".enriched", "oversized-" + run + ".espionage",
                "oversized-" + run + ".dead-letter", "oversized-" + run + ".seen", "oversized-" + run + ".feed-status");
        try (TopicAdmin admin = new TopicAdmin(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.ensure(topics, 1, Retention.defaults());
        }
        server = LocalServer.start().serveAll(path -> switch (path) {
            case "/feed" -> LocalServer.Response.ok("application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                    + "<title>Long reads</title>"
                    + "<item><title>Huge</title><link>" + url("/huge") + "</link></item>"
                    + "<item><title>Small</title><link>" + url("/small") + "</link></item></channel></rss>");
            case "/huge" -> LocalServer.Response.ok("text/html; charset=utf-8", HUGE_PAGE);
            default -> LocalServer.Response.ok("text/html; charset=utf-8", SMALL_PAGE);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private IngestApp ingest(KafkaBroker.Cluster kafka, ItemLimits limits) {
        FetchSettings fetch = FetchSettings.defaults().withUserAgent("Spyglass-oversized")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)).withSizeLimits(10 << 20, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false);
        FeedSource feed = new FeedSource(URI.create(url("/feed")), null, Duration.ofMinutes(15));
        return new IngestApp(ClusterSettings.defaults().withBootstrapServers(kafka.bootstrapServers()).withTopics(topics),
                IngestSettings.defaults().withFetch(fetch).withThreads(1).withLimits(limits), List.of(feed),
                "oversized-" + UUID.randomUUID());
    }

    private JsonNode article(KafkaBroker.Cluster kafka, String path) throws Exception {
        String id = CanonicalUrl.id(url(path));
        for (Map.Entry<String, String> r : TopicReader.readAll(kafka.bootstrapServers(), topics.articles())) {
            if (r.getKey().equals(id)) {
                return Json.MAPPER.readTree(r.getValue());
            }
        }
        return null;
    }

    @Test
    void cutsTheTextOfAnArticleOverTheRecordLimitInBytesAndStoresItOnce(KafkaBroker.Cluster kafka) throws Exception {
        assertThat(HUGE_PAGE.getBytes(StandardCharsets.UTF_8).length).as("page size").isGreaterThan(1_500_000);
        FeedPoll first;
        try (IngestApp app = ingest(kafka, ItemLimits.defaults())) {
            first = app.pollOnce().get(0);
            app.pollOnce();
        }

        assertThat(server.hits("/huge")).as("fetches of the huge page over two polls").isEqualTo(1);
        JsonNode huge = article(kafka, "/huge");
        assertThat(huge).as("the huge article on the articles topic").isNotNull();
        byte[] text = huge.get("text").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(text.length).isLessThanOrEqualTo(ItemLimits.defaults().maxTextBytes()).isGreaterThan(500_000);
        assertThat(huge.get("text").asText()).startsWith("The report goes on and on about the café");
        assertThat(article(kafka, "/small")).as("the small article").isNotNull();
        assertThat(first.ok()).isTrue();
        assertThat(first.errorKind()).isNull();
        assertThat(first.error()).startsWith("cut the text of " + url("/huge") + " from ").endsWith(" bytes (ingest.max-text-bytes)");
    }

    @Test
    void marksAnArticleKafkaStillRefusesSeenAndReportsItInTheFeedStatus(KafkaBroker.Cluster kafka) throws Exception {
        FeedPoll first;
        FeedPoll second;
        // a text cap above Kafka's 1 MiB record limit, as a careless setting would make it
        try (IngestApp app = ingest(kafka, new ItemLimits(500, 4 << 20))) {
            first = app.pollOnce().get(0);
            second = app.pollOnce().get(0);
        }

        assertThat(first.ok()).as("the poll of a feed with one item too large").isTrue();
        assertThat(first.errorKind()).isEqualTo("RECORD_TOO_LARGE");
        assertThat(first.error()).contains(url("/huge"), "RecordTooLargeException", " bytes");
        assertThat(server.hits("/huge")).as("fetches of the huge page over two polls").isEqualTo(1);
        assertThat(second.errorKind()).as("the second poll, which fetches nothing again").isNull();
        assertThat(article(kafka, "/huge")).isNull();
        assertThat(article(kafka, "/small")).as("the other item of the feed").isNotNull();
        List<Map.Entry<String, String>> statuses = TopicReader.readAll(kafka.bootstrapServers(), topics.feedStatus());
        JsonNode status = Json.MAPPER.readTree(statuses.get(0).getValue());
        assertThat(status.get("errorClass").asText()).isEqualTo("RECORD_TOO_LARGE");
        assertThat(status.get("message").asText()).contains("RecordTooLargeException");
    }
}
