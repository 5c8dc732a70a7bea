package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.broker.TopicAdminIT;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichSettings;
import io.spyglass.ingest.log.KafkaArticleLog;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkSettings;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Retention on a real broker: seen marks past it are not loaded, and the Streams changelogs are created bounded. */
// https://github.com/spyglass-news/spyglass/issues/17
@ExtendWith(KafkaBroker.class)
class RetentionIT {
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    private static Topics topics() {
        String prefix = "retention-" + UUID.randomUUID() + ".";
        return new Topics(prefix + "articles", prefix + "enriched", prefix + "espionage", prefix + "dead-letter",
                prefix + "seen", prefix + "feed-status");
    }

    @Test
    void ingestDoesNotLoadSeenMarksWrittenLongerThanTheRetentionAgo(KafkaBroker.Cluster kafka) throws Exception {
        Topics topics = topics();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (TopicAdmin admin = new TopicAdmin(client)) {
            admin.ensure(topics, 1, Retention.defaults());
        }
        String old = CanonicalUrl.id("https://example.com/old");
        String recent = CanonicalUrl.id("https://example.com/recent");
        String aging = CanonicalUrl.id("https://example.com/aging");
        String foreign = CanonicalUrl.id("https://example.com/foreign");
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            ItemState state = ItemState.first(1, 2);
            producer.send(new ProducerRecord<>(topics.seen(), 0, now - 10 * DAY, old, state.toBytes("https://example.com/old")))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topics.seen(), 0, now - 2 * DAY, aging, state.toBytes("https://example.com/aging")))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topics.seen(), 0, now, recent, state.toBytes("https://example.com/recent")))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topics.seen(), 0, now, foreign, "not a seen mark".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }

        try (KafkaArticleLog log = new KafkaArticleLog(client, topics, "retention-it-" + UUID.randomUUID(), Duration.ofDays(3))) {
            assertThat(log.seen(old)).as("written 10 days ago, retention 3 days").isFalse();
            assertThat(log.seen(aging)).isTrue();
            assertThat(log.seen(recent)).isTrue();
            assertThat(log.aging(aging)).as("past half the retention: to be written again").isTrue();
            assertThat(log.aging(recent)).isFalse();
            assertThat(log.seen(foreign)).as("a value no ingest wrote: skipped, its item fetched as new").isFalse();
            assertThat(log.seenCount()).isEqualTo(2);
        }
    }

    @Test
    void theStreamsStagesCreateTheirChangelogsCompactedWithTheTombstoneRetention(KafkaBroker.Cluster kafka) throws Exception {
        Topics topics = topics();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Retention retention = new Retention(Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(7), Duration.ofDays(2),
                Duration.ofDays(3), Duration.ofHours(6));
        try (TopicAdmin admin = new TopicAdmin(client)) {
            admin.ensure(topics, 1, retention);
        }
        ClusterSettings cluster = ClusterSettings.defaults().withKafka(client).withTopics(topics).withRetention(retention)
                .withGroupPrefix("retention-" + UUID.randomUUID());
        String enrichId = cluster.enrichApplicationId();
        String sinkId = cluster.sinkApplicationId();
        List<String> changelogs = List.of(enrichId + "-enrich-seen-ids-changelog", sinkId + "-sink-open-stories-changelog",
                sinkId + "-sink-closed-stories-changelog");
        EnrichApp enrich = new EnrichApp(cluster, EnrichSettings.bundledTaxonomy(), dir.resolve("streams"));
        SinkApp sink = new SinkApp(cluster, SinkSettings.defaults(), dir.resolve("streams"), "test");
        try (enrich; sink) {
            enrich.start();
            sink.start();
            try (Admin admin = Admin.create(client)) {
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(changelogs));
            }
        }

        Map<String, Map<String, String>> configs = TopicAdminIT.configs(client, changelogs);
        for (String changelog : changelogs) {
            assertThat(configs.get(changelog)).as(changelog).containsEntry("cleanup.policy", "compact")
                    .containsEntry("delete.retention.ms", Long.toString(Duration.ofHours(6).toMillis()));
        }
    }
}
