package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.model.Contract;
import io.spyglass.model.DeadLetter;
import io.spyglass.model.FeedRef;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Retention;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import io.spyglass.sink.Endpoint;
import io.spyglass.sink.SinkStats.Count;
import io.spyglass.sink.SinkStats;
import io.spyglass.sink.WebhookSettings;
import io.spyglass.sink.WebhookSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The webhook sink between the espionage topic on a real broker and endpoints that fail, hang and recover. */
@ExtendWith(KafkaBroker.class)
class WebhookIT {
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");
    private final JsonSerde<Story> serde = new JsonSerde<>(Story.class);

    @TempDir
    Path dir;

    private static Story story(String id, int version) {
        Tags tags = new Tags(true, 0.9, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "t/1");
        String url = "https://news.example/" + id;
        return new Story(1, id, version, "Spies in " + id, url, T, T, tags,
                List.of(new StorySource(id, url, "Spies", "Example", new FeedRef(url, "Example"), T, T, "en", "text", List.of())));
    }

    private SpyglassConfig deploy(KafkaBroker.Cluster kafka, Story... stories) throws Exception {
        SpyglassConfig config = Deployment.create(dir).load(kafka.bootstrapServers(), Map.of());
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            admin.ensure(config.cluster().topics(), 1, Retention.defaults());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            for (Story s : stories) {
                producer.send(new ProducerRecord<>(config.cluster().topics().espionage(), s.storyId(),
                        serde.serializer().serialize("espionage", s))).get(30, TimeUnit.SECONDS);
            }
        }
        return config;
    }

    private static Thread start(WebhookSink sink) {
        Thread t = new Thread(sink, "webhook-under-test");
        t.start();
        return t;
    }

    @Test
    void deliversEveryStoryVersionOnceThroughAnEndpointThatFailsHangsAndRecovers(KafkaBroker.Cluster kafka) throws Exception {
        SpyglassConfig config = deploy(kafka, story("s1", 1), story("s1", 2), story("s2", 1));
        try (Endpoint endpoint = new Endpoint(500, Endpoint.HANG, 200, 502, Endpoint.HANG);
             Endpoint slack = new Endpoint(503)) {
            WebhookSettings settings = WebhookSettings.defaults().withUrls(List.of(endpoint.url()), List.of(slack.url()))
                    .withRetries(5, Duration.ofSeconds(1), Duration.ofMillis(100));
            SinkStats stats = new SinkStats();
            WebhookSink sink = new WebhookSink(config.cluster().kafka(), config.cluster().webhookGroup(), config.cluster().topics().espionage(),
                    config.cluster().topics().deadLetter(), settings, "test", stats);
            Thread thread = start(sink);
            await().atMost(Duration.ofMinutes(1)).until(() -> stats.get(Count.WEBHOOK_POSTS) == 3);
            sink.close();
            thread.join(30_000);

            assertThat(endpoint.accepted()).containsExactly("s1@1", "s1@2", "s2@1");
            assertThat(slack.accepted()).containsExactly("s1@1", "s1@2", "s2@1");
            assertThat(endpoint.bodies()).allSatisfy(b -> Contract.assertConforms(Contract.Kind.STORY, b.getBytes(StandardCharsets.UTF_8)));
            assertThat(stats.get(Count.DEAD_LETTERED)).isZero();
        }
    }

    @Test
    void deadLettersAStoryTheEndpointKeepsRefusingAndGoesOn(KafkaBroker.Cluster kafka) throws Exception {
        SpyglassConfig config = deploy(kafka, story("s1", 1), story("s2", 1));
        String url;
        try (Endpoint endpoint = new Endpoint(500, 500)) {
            url = endpoint.url().toString();
            WebhookSettings settings = WebhookSettings.defaults().withUrls(List.of(endpoint.url()), List.of())
                    .withRetries(2, Duration.ofSeconds(1), Duration.ofMillis(10));
            SinkStats stats = new SinkStats();
            WebhookSink sink = new WebhookSink(config.cluster().kafka(), config.cluster().webhookGroup(), config.cluster().topics().espionage(),
                    config.cluster().topics().deadLetter(), settings, "test", stats);
            Thread thread = start(sink);
            await().atMost(Duration.ofMinutes(1)).until(() -> stats.get(Count.WEBHOOK_POSTS) == 1);
            sink.close();
            thread.join(30_000);

            assertThat(endpoint.accepted()).containsExactly("s2@1");
        }
        ConsumerRecord<String, byte[]> dead = deadLetter(kafka, config.cluster().topics().deadLetter());
        Contract.assertDeadLetterConforms(dead.headers(), dead.value());
        assertThat(dead.key()).isEqualTo("s1");
        assertThat(new String(dead.headers().lastHeader(DeadLetter.STAGE).value(), StandardCharsets.UTF_8)).isEqualTo("webhook");
        assertThat(new String(dead.headers().lastHeader(DeadLetter.ERROR).value(), StandardCharsets.UTF_8))
                .isEqualTo("webhook gave up after 2 attempts: " + url + ": HTTP 500");
    }

    /** The one record on the dead-letter topic. */
    private static ConsumerRecord<String, byte[]> deadLetter(KafkaBroker.Cluster kafka, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "isolation.level", "read_committed", "key.deserializer", StringDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class))) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            assertThat(consumer.endOffsets(List.of(p)).get(p)).as("dead letters").isEqualTo(1);
            List<ConsumerRecord<String, byte[]>> records = List.of();
            while (records.isEmpty()) {
                records = consumer.poll(Duration.ofMillis(200)).records(p);
            }
            return records.get(0);
        }
    }
}
