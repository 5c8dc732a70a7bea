package io.spyglass.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.spyglass.enrich.EnrichStats.Count;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.Contract.Kind;
import io.spyglass.model.Contract;
import io.spyglass.model.DeadLetter;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final JsonSerde<Article> articles = new JsonSerde<>(Article.class);
    private final JsonSerde<EnrichedArticle> enrichedSerde = new JsonSerde<>(EnrichedArticle.class);
    private final EnrichStats stats = new EnrichStats();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<String, byte[]> enriched;
    private TestOutputTopic<String, byte[]> deadLetter;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put("application.id", "enrich-topology-test");
        props.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(EnrichTopology.build(TOPICS, Tagger.loadDefault(), stats, Retention.defaults()), props);
        input = driver.createInputTopic(TOPICS.articles(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(TOPICS.enriched(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetter = driver.createOutputTopic(TOPICS.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Article article(String id, String title, String text) {
        return new Article(Article.SCHEMA_VERSION, id, "https://news.example/" + id, title, NOW,
                new FeedRef("https://news.example/feed", "Example News"), text, ExtractionOutcome.FULL, "en", List.of(), NOW);
    }

    private void send(Article a) {
        byte[] value = articles.serializer().serialize(TOPICS.articles(), a);
        Contract.assertConforms(Kind.ARTICLE, value);
        input.pipeInput(a.id(), value);
    }

    private EnrichedArticle read(byte[] value) {
        Contract.assertConforms(Kind.ENRICHED_ARTICLE, value);
        return enrichedSerde.deserializer().deserialize(TOPICS.enriched(), value);
    }

    @Test
    void tagsEveryNewArticleAndKeysItById() {
        send(article("a1", "Chinese military hackers spent years inside Japan's defence networks",
                "Chinese military hackers broke into Japan's classified defence networks and stayed for years, "
                        + "officials said. Tokyo could not confirm whether secrets were stolen."));
        send(article("a2", "City marathon draws record field", "More than forty thousand runners finished the race."));

        List<TestRecord<String, byte[]>> out = enriched.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsExactly("a1", "a2");
        EnrichedArticle spy = read(out.get(0).value());
        EnrichedArticle sport = read(out.get(1).value());
        assertThat(spy.tags().espionage()).isTrue();
        assertThat(spy.tags().attributed()).extracting(c -> c.code()).containsExactly("CN");
        assertThat(spy.tags().victims()).extracting(c -> c.code()).containsExactly("JP");
        assertThat(spy.article().text()).startsWith("Chinese military hackers broke into");
        assertThat(sport.tags().espionage()).isFalse();
        assertThat(header(out.get(0), EnrichedArticle.ESPIONAGE_HEADER)).isEqualTo("true");
        assertThat(header(out.get(1), EnrichedArticle.ESPIONAGE_HEADER)).isEqualTo("false");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(stats.get(Count.ARTICLES_TAGGED)).isEqualTo(2);
    }

    @Test
    void dropsAnArticleItHasAlreadyEnriched() {
        Article a = article("a1", "Budget passes", "The parliament passed the budget on Tuesday.");
        send(a);
        send(a);

        assertThat(enriched.readValuesToList()).hasSize(1).allSatisfy(this::read);
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(stats.get(Count.DUPLICATES)).isEqualTo(1);
    }

    @Test
    void tagsARevisionAgainUnderTheSameKeyButDropsARepeatOfIt() {
        Article first = article("a1", "Ministry reports outage", "The foreign ministry said its mail servers were down.");
        Article second = article("a1", "Ministry reports outage", "The foreign ministry said Chinese state hackers "
                + "broke into its mail servers and read diplomatic cables for months.").withRevision(2);
        send(first);
        send(second);
        send(second);
        send(first);

        List<TestRecord<String, byte[]>> out = enriched.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsExactly("a1", "a1");
        assertThat(out).extracting(r -> read(r.value())).extracting(e -> e.article().revision(), e -> e.tags().espionage())
                .containsExactly(tuple(1, false), tuple(2, true));
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(stats.get(Count.DUPLICATES)).isEqualTo(2);
    }

    @Test
    void keysTheDedupeStoreByIdAndRevision() {
        Article first = article("a1", "Budget passes", "Text.");

        assertThat(EnrichTopology.seenKey(first)).isEqualTo("a1#1");
        assertThat(EnrichTopology.seenKey(first.withRevision(3))).isEqualTo("a1#3");
    }

    @Test
    void sendsUnreadableRecordsToTheDeadLetterTopicAndGoesOn() {
        input.pipeInput("bad-1", "{not json".getBytes(StandardCharsets.UTF_8));
        input.pipeInput("bad-2", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        send(article("good", "Budget passes", "The parliament passed the budget on Tuesday."));

        List<TestRecord<String, byte[]>> dead = deadLetter.readRecordsToList();
        dead.forEach(r -> Contract.assertDeadLetterConforms(r.headers(), r.value()));
        assertThat(dead).extracting(TestRecord::key).containsExactly("bad-1", "bad-2");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead.get(0), DeadLetter.SOURCE_TOPIC)).isEqualTo(TOPICS.articles());
        assertThat(header(dead.get(0), DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead.get(1), DeadLetter.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(header(dead.get(0), DeadLetter.STAGE)).isEqualTo("enrich");
        assertThat(header(dead.get(1), DeadLetter.ERROR)).contains("Not a valid Article record");
        assertThat(enriched.readRecordsToList()).allSatisfy(r -> read(r.value())).extracting(TestRecord::key).containsExactly("good");
        assertThat(stats.get(Count.DEAD_LETTERED)).isEqualTo(2);
    }

    @Test
    void deadLettersHugeRecordsAndOtherMajorVersions() {
        Article v2 = new Article(2, "v2", "https://news.example/v2", "Budget passes", NOW,
                new FeedRef("https://news.example/feed", null), "Text.", ExtractionOutcome.FULL, "en", List.of(), NOW);
        input.pipeInput("huge", new byte[EnrichTopology.MAX_RECORD_BYTES + 1]);
        input.pipeInput("v2", articles.serializer().serialize(TOPICS.articles(), v2));
        send(article("good", "Budget passes", "The parliament passed the budget on Tuesday."));

        List<TestRecord<String, byte[]>> dead = deadLetter.readRecordsToList();
        dead.forEach(r -> Contract.assertDeadLetterConforms(r.headers(), r.value()));
        assertThat(dead).extracting(r -> header(r, DeadLetter.ERROR)).containsExactly(
                "record of 524289 bytes is over the limit of 524288", "unsupported schemaVersion 2");
        assertThat(enriched.readRecordsToList()).allSatisfy(r -> read(r.value())).extracting(TestRecord::key).containsExactly("good");
    }

    @Test
    void failsWithoutDeadLetteringWhenTheDedupeStoreFails() {
        // a store that cannot be read is the stage's fault, not the record's: the task must fail and be retried
        driver.getKeyValueStore(EnrichTopology.SEEN_STORE).close();

        assertThatThrownBy(() -> send(article("a1", "Budget passes", "The parliament passed the budget on Tuesday.")))
                .isInstanceOf(StreamsException.class).hasRootCauseInstanceOf(InvalidStateStoreException.class);
        assertThat(deadLetter.isEmpty()).isTrue();
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(stats.get(Count.DEAD_LETTERED)).isZero();
    }

    @Test
    void writesTheDocumentedRecordFormat() throws Exception {
        send(article("a1", "Budget passes", "The parliament passed the budget on Tuesday."));

        byte[] value = enriched.readValue();
        Contract.assertConforms(Kind.ENRICHED_ARTICLE, value);
        var json = Json.MAPPER.readTree(value);

        assertThat(json.fieldNames()).toIterable().contains("schemaVersion", "id", "url", "title", "published", "feed",
                "text", "tags");
        assertThat(json.get("feed").fieldNames()).toIterable().containsExactly("url", "name");
        assertThat(json.get("tags").fieldNames()).toIterable().contains("espionage", "score", "attributed", "victims",
                "actors", "sectors", "evidence");
        assertThat(json.get("published").asText()).isEqualTo("2026-11-29T10:00:00Z");
    }

    @Test
    void writesTheLanguageReadInTheTextOverAWrongDeclaration() {
        // The feed declares English for everything it carries; this item is German.
        send(article("de1", "Bundesregierung bestätigt Angriff",
                "Die Bundesregierung hat Angriffe auf die Netze mehrerer Ministerien bestätigt. Nach Angaben der "
                        + "Behörden waren die Angreifer über Monate in den Systemen und haben Dokumente kopiert."));
        send(article("short", "OK", "Fine."));

        assertThat(enriched.readValuesToList()).extracting(v -> read(v).article().language()).containsExactly("de", "en");
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    // https://github.com/spyglass-news/spyglass/issues/17: the dedupe store kept every id for good
    @Test
    void forgetsAnIdOnceTheSeenRetentionHasPassedOnTheWallClockAndKeepsItBefore() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Retention retention = new Retention(Duration.ofDays(365), Duration.ofDays(365), Duration.ofDays(3), Duration.ofDays(14),
                Duration.ofDays(1), Duration.ofDays(1));
        Properties props = new Properties();
        props.put("application.id", "enrich-retention-test");
        props.put("bootstrap.servers", "unused:9092");
        try (TopologyTestDriver d = new TopologyTestDriver(EnrichTopology.build(TOPICS, Tagger.loadDefault(), stats, retention),
                props, start)) {
            TestInputTopic<String, byte[]> in = d.createInputTopic(TOPICS.articles(), new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> out = d.createOutputTopic(TOPICS.enriched(), new StringDeserializer(),
                    new ByteArrayDeserializer());
            KeyValueStore<String, Long> store = d.getKeyValueStore(EnrichTopology.SEEN_STORE);
            Article a = article("old", "Hackers read ministry mail", "Officials said the mailboxes were read for months.");
            byte[] value = articles.serializer().serialize(TOPICS.articles(), a);

            in.pipeInput("old", value, start);
            d.advanceWallClockTime(Duration.ofDays(2));
            in.pipeInput("old", value, start.plus(Duration.ofDays(2)));
            assertThat(out.readKeyValuesToList()).as("a repeat within the retention is dropped").hasSize(1);

            d.advanceWallClockTime(Duration.ofDays(1).plus(EnrichTopology.SWEEP_EVERY));
            assertThat(store.get("old#1")).as("forgotten 3 days after it was written").isNull();
            in.pipeInput("old", value, start.plus(Duration.ofDays(4)));
            assertThat(out.readKeyValuesToList()).as("after it, the same article is tagged again").hasSize(1);
            assertThat(store.get("old#1")).isEqualTo(start.plus(Duration.ofDays(4)).toEpochMilli());
        }
    }
}
