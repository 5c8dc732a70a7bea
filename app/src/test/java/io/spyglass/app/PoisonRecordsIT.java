package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.stage.Stages;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.model.Article;
import io.spyglass.model.Contract.Kind;
import io.spyglass.model.Contract;
import io.spyglass.model.Country;
import io.spyglass.model.DeadLetter;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.Tags;
import io.spyglass.sink.SinkApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

/** Invalid JSON, records of the wrong shape and huge records on each input topic, between good ones, on a real broker. */
@ExtendWith(KafkaBroker.class)
class PoisonRecordsIT {
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final FeedRef FEED = new FeedRef("https://news.example/feed", "Example News");
    private static final byte[] HUGE = ("{\"text\":\"" + "x".repeat(600 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static byte[] json(Object record) throws Exception {
        return Json.MAPPER.writeValueAsBytes(record);
    }

    private static Article article(String id, String title, String text) {
        return new Article(Article.SCHEMA_VERSION, id, "https://news.example/" + id, title, NOW, FEED, text,
                ExtractionOutcome.FULL, "en", List.of(), NOW);
    }

    @Test
    void deadLettersPoisonOnEachInputTopicAndDeliversTheGoodRecordsAroundIt(KafkaBroker.Cluster kafka) throws Exception {
        Deployment d = Deployment.create(dir);
        Path out = dir.resolve("stories.jsonl");
        SpyglassConfig config = d.load(kafka.bootstrapServers(), Map.of("data.dir", dir.resolve("data").toString(),
                "sink.out", out.toString()));
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            admin.ensure(config.cluster().topics(), 1, config.cluster().retention());
        }
        EnrichedArticle baltic = EnrichedArticle.of(article("good-3", "Phishing wave read Baltic diplomats' mail",
                "Mailboxes of diplomats in Vilnius were read for months."), new Tags(true, 0.8, List.of(new Country("RU", "Russia")),
                List.of(new Country("LT", "Lithuania")), List.of(), List.of("government"), List.of(), List.of(), List.of(),
                List.of(), "test/1"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            String articles = config.cluster().topics().articles();
            send(producer, new ProducerRecord<>(articles, "good-1", json(article("good-1",
                    "Chinese military hackers spent years inside Japan's defence networks",
                    "Chinese military hackers broke into Japan's classified defence networks and stayed for years, "
                            + "officials said. Tokyo could not confirm whether secrets were stolen."))));
            send(producer, new ProducerRecord<>(articles, "bad-json", "{not json".getBytes(StandardCharsets.UTF_8)));
            send(producer, new ProducerRecord<>(articles, "bad-schema", "{\"id\":\"x\",\"title\":\"no url\"}".getBytes(StandardCharsets.UTF_8)));
            send(producer, new ProducerRecord<>(articles, "huge", HUGE));
            send(producer, new ProducerRecord<>(articles, "good-2", json(article("good-2", "Budget passes",
                    "The parliament passed the budget on Tuesday."))));
            String enriched = config.cluster().topics().enriched();
            send(producer, new ProducerRecord<>(enriched, "bad-json-e", "[1,2".getBytes(StandardCharsets.UTF_8)));
            send(producer, new ProducerRecord<>(enriched, "bad-schema-e", "{\"schemaVersion\":1,\"id\":\"y\"}".getBytes(StandardCharsets.UTF_8)));
            send(producer, new ProducerRecord<>(enriched, "huge-e", HUGE));
            send(producer, new ProducerRecord<>(enriched, "good-3", json(baltic)));
        }

        EnrichApp enrich = Stages.enrich(config);
        SinkApp sink = Stages.sink(config);
        try (enrich; sink) {
            enrich.start();
            sink.start();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(deadLetters(kafka, config.cluster().topics().deadLetter())).hasSize(6);
                assertThat(Files.exists(out) ? Files.readAllLines(out) : List.of()).hasSize(2);
            });
        }

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(kafka, config.cluster().topics().deadLetter());
        dead.forEach(r -> Contract.assertDeadLetterConforms(r.headers(), r.value()));
        assertThat(dead).extracting(r -> r.key() + " " + header(r, DeadLetter.STAGE) + " " + header(r, DeadLetter.SOURCE_TOPIC)
                + "@" + header(r, DeadLetter.SOURCE_OFFSET)).containsExactlyInAnyOrder(
                "bad-json enrich " + d.prefix() + ".articles@1", "bad-schema enrich " + d.prefix() + ".articles@2",
                "huge enrich " + d.prefix() + ".articles@3", "bad-json-e sink " + d.prefix() + ".enriched@0",
                "bad-schema-e sink " + d.prefix() + ".enriched@1", "huge-e sink " + d.prefix() + ".enriched@2");
        assertThat(dead).filteredOn(r -> r.key().startsWith("huge")).extracting(r -> r.value().length)
                .containsExactly(HUGE.length, HUGE.length);

        List<String> enrichedIds = TopicReader.readAll(kafka.bootstrapServers(), config.cluster().topics().enriched()).stream()
                .map(Map.Entry::getKey).toList();
        assertThat(enrichedIds).containsExactly("bad-json-e", "bad-schema-e", "huge-e", "good-3", "good-1", "good-2");
        List<JsonNode> stories = new ArrayList<>();
        for (var story : TopicReader.readAll(kafka.bootstrapServers(), config.cluster().topics().espionage())) {
            stories.add(Json.MAPPER.readTree(story.getValue()));
        }
        stories.forEach(s -> Contract.assertConforms(Kind.STORY, s));
        assertThat(stories).extracting(s -> s.at("/sources/0/articleId").asText()).containsExactlyInAnyOrder("good-1", "good-3");
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    /**
     * Sends one record and waits for it: the topics are brand new, and batches in flight while their leader is
     * still being elected can be refused out of sequence.
     */
    private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Every committed record of the dead-letter topic, with its headers. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(KafkaBroker.Cluster kafka, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("isolation.level", "read_committed");
        config.put("key.deserializer", StringDeserializer.class);
        config.put("value.deserializer", ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            while (consumer.position(p) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
