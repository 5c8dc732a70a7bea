package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.IngestSettings;
import io.spyglass.ingest.feedlist.FeedList;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.log.KafkaArticleLog;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.FeedStatus;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.testkit.LocalServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest instances on the embedded broker share one feed list: each feed is polled by one of them at a time, and
 * each learns the items the other published.
 */
class IngestScaleOutIT {
    private static final String EMPTY_RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>https://example.com/</link><description>d</description></channel></rss>";
    private static final int FEEDS = 12;
    private static final Duration SEEN = Retention.defaults().seen();

    @TempDir
    Path dir;

    private EmbeddedKafka kafka;
    private LocalServer server;
    /** Feed path to the User-Agents that polled it since the last reset. */
    private final Map<String, Set<String>> pollers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(dir, 0);
        try (TopicAdmin admin = new TopicAdmin(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.ensure(ClusterSettings.defaults());
        }
        server = LocalServer.start().handleAll(exchange -> {
            pollers.computeIfAbsent(exchange.getRequestURI().getPath(), p -> ConcurrentHashMap.newKeySet())
                    .add(exchange.getRequestHeaders().getFirst("User-Agent"));
            if (exchange.getRequestURI().getPath().equals("/missing")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            LocalServer.send(exchange, 200, null, EMPTY_RSS.getBytes(StandardCharsets.UTF_8));
        });
    }

    @AfterEach
    void stop() {
        server.close();
        kafka.close();
    }

    private URI url(String path) {
        return server.url(path);
    }

    /** Eleven healthy feeds and one that answers 404, whose failure count must survive a takeover. */
    private List<FeedSource> feeds() {
        List<FeedSource> feeds = new ArrayList<>();
        IntStream.range(0, FEEDS - 1).forEach(i -> feeds.add(new FeedSource(url("/feed" + i), null, Duration.ofMillis(300))));
        feeds.add(missing());
        return feeds;
    }

    private FeedSource missing() {
        return new FeedSource(url("/missing"), null, Duration.ofMillis(300));
    }

    /** The failure counts in the status records of {@code feed}, in the order they were written. */
    private List<Integer> failureCounts(FeedSource feed) {
        List<Integer> counts = new ArrayList<>();
        statusRecords(r -> {
            if (r.key().equals(feed.url().toString())) {
                counts.add(r.value().consecutiveFailures());
            }
        });
        return counts;
    }

    /** Every record of the feed-status topic, partition by partition, in order. */
    private void statusRecords(Consumer<ConsumerRecord<String, FeedStatus>> each) {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaConsumer<String, FeedStatus> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new JsonSerde<>(FeedStatus.class).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.defaults().feedStatus()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    /** The latest status of each feed on the topic; null for a feed whose latest record is a tombstone. */
    private Map<String, FeedStatus> latestStatuses() {
        Map<String, FeedStatus> latest = new HashMap<>();
        statusRecords(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    private IngestApp instance(String name) {
        return instance(name, ClusterSettings.defaults());
    }

    /** An instance of the deployment {@code deployment} describes (its groups prefix), on the test broker. */
    private IngestApp instance(String name, ClusterSettings deployment) {
        FetchSettings fetch = FetchSettings.defaults().withUserAgent("Spyglass-" + name)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withSizeLimits(1 << 20, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false);
        return new IngestApp(deployment.withBootstrapServers(kafka.bootstrapServers()),
                IngestSettings.defaults().withFetch(fetch).withThreads(2), feeds(), name);
    }

    @Test
    void twoDeploymentsWithTheirOwnGroupPrefixOnOneClusterEachPollEveryFeed() {
        // groups.prefix "alpha" and "beta": before, both joined one hard-coded group and split the feeds between them
        try (IngestApp alpha = instance("alpha", ClusterSettings.defaults().withGroupPrefix("alpha"));
             IngestApp beta = instance("beta", ClusterSettings.defaults().withGroupPrefix("beta"))) {
            alpha.start();
            beta.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> alpha.feeds().size() == FEEDS && beta.feeds().size() == FEEDS);
        }
    }

    private boolean everyFeedPolledSinceReset() {
        return pollers.size() == FEEDS;
    }

    @Test
    void splitsTheFeedsBetweenInstancesAndHandsThemOverWithTheirHealthWhenOneStops() {
        IngestApp a = instance("a");
        IngestApp b = instance("b");
        try {
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !a.feeds().isEmpty() && !b.feeds().isEmpty()
                    && a.feeds().size() + b.feeds().size() == FEEDS);
            Set<FeedSource> union = new HashSet<>(a.feeds());
            union.addAll(b.feeds());
            assertThat(union).containsExactlyInAnyOrderElementsOf(feeds());

            pollers.clear();
            await().atMost(Duration.ofSeconds(30)).until(this::everyFeedPolledSinceReset);
            assertThat(pollers.values()).as("each feed is polled by one instance").allSatisfy(agents -> assertThat(agents).hasSize(1));
            Set<String> agents = new HashSet<>();
            pollers.values().forEach(agents::addAll);
            assertThat(agents).containsExactlyInAnyOrder("Spyglass-a", "Spyglass-b");

            boolean aOwnsMissing = a.feeds().contains(missing());
            IngestApp owner = aOwnsMissing ? a : b;
            IngestApp survivor = aOwnsMissing ? b : a;
            String survivorAgent = aOwnsMissing ? "Spyglass-b" : "Spyglass-a";
            owner.close();
            await().atMost(Duration.ofSeconds(60)).until(() -> survivor.feeds().size() == FEEDS);
            pollers.clear();
            await().atMost(Duration.ofSeconds(30)).until(this::everyFeedPolledSinceReset);
            assertThat(pollers.values()).as("the survivor polls every feed").allSatisfy(s -> assertThat(s).containsExactly(survivorAgent));
        } finally {
            a.close();
            b.close();
        }
        List<Integer> failures = failureCounts(missing());
        assertThat(failures).as("failure counts of the 404 feed across the takeover")
                .isEqualTo(IntStream.rangeClosed(1, failures.size()).boxed().toList());
    }

    @Test
    void anInstanceLearnsTheItemsAnotherInstancePublished() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Article article = new Article(Article.SCHEMA_VERSION, CanonicalUrl.id("https://example.com/a"), "https://example.com/a",
                "A", null, new FeedRef("https://example.com/feed", "Feed"), "text", ExtractionOutcome.FULL, null, List.of(),
                Instant.parse("2024-07-01T12:00:00Z"));
        try (KafkaArticleLog a = new KafkaArticleLog(client, Topics.defaults(), "spyglass-ingest-it-a", SEEN);
             KafkaArticleLog b = new KafkaArticleLog(client, Topics.defaults(), "spyglass-ingest-it-b", SEEN)) {
            assertThat(b.seen(article.id())).isFalse();

            a.publish(article, ItemState.first(1, 2));

            await().atMost(Duration.ofSeconds(30)).until(() -> b.seen(article.id()));
        }
    }

    @Test
    void anotherInstanceAndARestartKnowTheRevisionAnArticleReached() throws Exception {
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Article article = new Article(Article.SCHEMA_VERSION, CanonicalUrl.id("https://example.com/revised"),
                "https://example.com/revised", "A", null, new FeedRef("https://example.com/feed", "Feed"), "text",
                ExtractionOutcome.FULL, null, List.of(), Instant.parse("2024-07-01T12:00:00Z"));
        ItemState first = ItemState.first(11, 12);
        ItemState second = first.revised(13, 14);
        try (KafkaArticleLog a = new KafkaArticleLog(client, Topics.defaults(), "spyglass-ingest-it-rev-a", SEEN);
             KafkaArticleLog b = new KafkaArticleLog(client, Topics.defaults(), "spyglass-ingest-it-rev-b", SEEN)) {
            a.publish(article, first);
            a.publish(article.withRevision(2), second);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(b.state(article.id())).isEqualTo(second));
        }
        try (KafkaArticleLog restarted = new KafkaArticleLog(client, Topics.defaults(), "spyglass-ingest-it-rev-a", SEEN)) {
            assertThat(restarted.state(article.id())).as("state read back at start-up").isEqualTo(second);
        }
    }

    @Test
    void dropsTheStatusOfAFeedTakenOffTheListWhenTheFileChanges() throws Exception {
        Path feedsFile = dir.resolve("feeds.yaml");
        Files.writeString(feedsFile, "feeds:\n  - " + url("/feed0") + "\n  - " + url("/feed1") + "\n");
        List<FeedSource> listed = FeedList.load(feedsFile, Duration.ofSeconds(10));
        FetchSettings fetch = FetchSettings.defaults().withUserAgent("Spyglass-reload")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withSizeLimits(1 << 20, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false);
        try (IngestApp app = IngestApp.watchingFeedsFile(ClusterSettings.defaults().withBootstrapServers(kafka.bootstrapServers()),
                IngestSettings.defaults().withFeedsFile(feedsFile, Duration.ofSeconds(10)).withFetch(fetch).withThreads(2), listed,
                "reload")) {
            app.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> latestStatuses().keySet()
                    .containsAll(List.of(url("/feed0").toString(), url("/feed1").toString())));

            Files.writeString(feedsFile, "feeds:\n  - " + url("/feed0") + "\n");

            await().atMost(Duration.ofSeconds(60)).until(() -> app.feeds().size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> latestStatuses().containsKey(url("/feed1").toString())
                    && latestStatuses().get(url("/feed1").toString()) == null);
            assertThat(latestStatuses().get(url("/feed0").toString())).isNotNull();
        }
    }

    @Test
    void anInstanceThatCannotLearnItsShareOfTheFeedsFailsInsteadOfPollingNothing() throws Exception {
        Topics missingStatusTopic = new Topics("spyglass.articles", "spyglass.enriched", "spyglass.espionage",
                "spyglass.dead-letter", "spyglass.seen", "no-such-feed-status");
        FetchSettings fetch = FetchSettings.defaults().withUserAgent("Spyglass-failing")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withSizeLimits(1 << 20, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, false);
        ClusterSettings cluster = ClusterSettings.defaults().withBootstrapServers(kafka.bootstrapServers())
                .withTopics(missingStatusTopic);
        try (IngestApp app = new IngestApp(cluster, IngestSettings.defaults().withFetch(fetch).withThreads(2), feeds(), "failing")) {
            assertThat(app.failure()).isNotDone();

            app.start();

            Throwable cause = app.failure().get(60, TimeUnit.SECONDS);
            assertThat(cause).hasMessageContaining("no-such-feed-status");
            assertThat(app.feeds()).isEmpty();
        }
    }
}
