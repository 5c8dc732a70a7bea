package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spyglass.model.Article;
import io.spyglass.model.Contract.Kind;
import io.spyglass.model.Contract;
import io.spyglass.model.Country;
import io.spyglass.model.DeadLetter;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Retention;
import io.spyglass.model.Story;
import io.spyglass.model.Tags;
import io.spyglass.model.Topics;
import io.spyglass.sink.SinkStats.Count;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
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

class SinkTopologyTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final String JAPAN = "Chinese military hackers spent years inside Japan's classified defence networks, "
            + "officials in Tokyo and Washington said, in one of the most damaging intrusions the country has known.";
    private final JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
    private final JsonSerde<Story> storySerde = new JsonSerde<>(Story.class);
    private final SinkStats stats = new SinkStats();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> enriched;
    private TestOutputTopic<String, byte[]> espionage;
    private TestOutputTopic<String, byte[]> deadLetter;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put("application.id", "sink-topology-test");
        props.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(SinkTopology.build(TOPICS, stats, Retention.defaults()), props);
        enriched = driver.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer());
        espionage = driver.createOutputTopic(TOPICS.espionage(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetter = driver.createOutputTopic(TOPICS.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Every record carries an explicit timestamp: the topology's expiry runs on record time, never on the wall clock. */
    private void send(String id, boolean isEspionage, String title, String text) {
        pipe(id, isEspionage, title, text, NOW);
    }

    private List<TestRecord<String, Story>> stories() {
        return espionage.readRecordsToList().stream().map(r -> {
            Contract.assertConforms(Kind.STORY, r.value());
            return new TestRecord<>(r.key(), storySerde.deserializer().deserialize(TOPICS.espionage(), r.value()));
        }).toList();
    }

    @Test
    void startsOneStoryPerEspionageEventAndNoneForOtherArticles() {
        send("spy", true, "Chinese hackers roamed Japan's defence networks", JAPAN);
        send("sport", false, "Rovers reach the cup final", "A late header decided it.");
        send("spy-2", true, "Phishing wave hits Baltic ministries", "Officials in Vilnius and Riga said mailboxes were read for months.");

        List<TestRecord<String, Story>> out = stories();

        assertThat(out).extracting(r -> r.value().sources().get(0).articleId()).containsExactly("spy", "spy-2");
        assertThat(out).extracting(TestRecord::key).containsExactly(StoryRecords.storyId("spy"), StoryRecords.storyId("spy-2"));
        assertThat(out).extracting(r -> r.value().version()).containsExactly(1, 1);
        assertThat(out.get(0).value().title()).isEqualTo("Chinese hackers roamed Japan's defence networks");
        assertThat(out.get(0).value().sources().get(0).outlet()).isEqualTo("news.example");
        assertThat(espionage.isEmpty()).isTrue();
        assertThat(stats.get(Count.STORIES_EMITTED)).isEqualTo(2);
    }

    @Test
    void reEmitsAStoryUnderItsKeyWhenAnotherOutletReportsIt() {
        send("first", true, "Chinese hackers roamed Japan's defence networks", JAPAN);
        send("copy", true, "Japan's defence networks penetrated by Chinese hackers", JAPAN);
        send("copy", true, "Japan's defence networks penetrated by Chinese hackers", JAPAN);

        List<TestRecord<String, Story>> out = stories();

        String id = StoryRecords.storyId("first");
        assertThat(out).extracting(TestRecord::key).containsExactly(id, id);
        assertThat(out).extracting(r -> r.value().version()).containsExactly(1, 2);
        assertThat(out.get(1).value().sources()).extracting(s -> s.articleId()).containsExactly("first", "copy");
        assertThat(espionage.isEmpty()).isTrue();
    }

    @Test
    void deadLettersUnreadableRecordsAndKeepsGoing() {
        enriched.pipeInput("poison", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        enriched.pipeInput("wrong-schema", "{\"id\":\"x\",\"url\":\"u\"}".getBytes(StandardCharsets.UTF_8));
        enriched.pipeInput("huge", new byte[SinkTopology.MAX_RECORD_BYTES + 1]);
        send("spy", true, "Chinese hackers roamed Japan's defence networks", JAPAN);

        var dead = deadLetter.readRecordsToList();
        dead.forEach(r -> Contract.assertDeadLetterConforms(r.headers(), r.value()));
        assertThat(dead).extracting(TestRecord::key).containsExactly("poison", "wrong-schema", "huge");
        assertThat(header(dead.get(0), DeadLetter.STAGE)).isEqualTo("sink");
        assertThat(header(dead.get(0), DeadLetter.SOURCE_TOPIC)).isEqualTo(TOPICS.enriched());
        assertThat(header(dead.get(2), DeadLetter.SOURCE_OFFSET)).isEqualTo("2");
        assertThat(header(dead.get(2), DeadLetter.ERROR)).isEqualTo("record of 524289 bytes is over the limit of 524288");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("[1,2,3]");
        assertThat(stories()).extracting(TestRecord::key).containsExactly(StoryRecords.storyId("spy"));
        assertThat(stats.get(Count.DEAD_LETTERED)).isEqualTo(3);
    }

    @Test
    void failsWithoutDeadLetteringWhenTheStoryStoreFails() {
        // a store that cannot be read is the stage's fault, not the record's: the task must fail and be retried
        driver.getKeyValueStore(SinkTopology.STORIES_STORE).close();

        assertThatThrownBy(() -> send("spy", true, "Chinese hackers roamed Japan's defence networks", JAPAN))
                .isInstanceOf(StreamsException.class).hasRootCauseInstanceOf(InvalidStateStoreException.class);
        assertThat(deadLetter.isEmpty()).isTrue();
        assertThat(espionage.isEmpty()).isTrue();
        assertThat(stats.get(Count.DEAD_LETTERED)).isZero();
    }

    @Test
    void readsRecordsWithoutTheEspionageHeaderButLeavesThoseMarkedNotEspionageUnread() {
        Tags spyTags = new Tags(true, 0.9, List.of(new Country("CN", "China")), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), "test/1");
        EnrichedArticle spy = new EnrichedArticle(new Article(1, "no-header", "https://news.example/no-header",
                "Chinese hackers roamed Japan's defence networks", NOW, new FeedRef("https://news.example/feed", null), JAPAN,
                ExtractionOutcome.FULL, "en", List.of(), NOW), spyTags);
        enriched.pipeInput("no-header", serde.serializer().serialize(TOPICS.enriched(), spy));
        enriched.pipeInput("poison-without-header", "{".getBytes(StandardCharsets.UTF_8));
        enriched.pipeInput(new TestRecord<>("marked-not-espionage", "{".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders().add(EnrichedArticle.ESPIONAGE_HEADER, "false".getBytes(StandardCharsets.UTF_8))));
        enriched.pipeInput(new TestRecord<>("poison-marked-espionage", "{".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders().add(EnrichedArticle.ESPIONAGE_HEADER, "true".getBytes(StandardCharsets.UTF_8))));

        assertThat(stories()).extracting(TestRecord::key).containsExactly(StoryRecords.storyId("no-header"));
        assertThat(deadLetter.readRecordsToList()).extracting(TestRecord::key)
                .containsExactly("poison-without-header", "poison-marked-espionage");
        assertThat(stats.get(Count.RECORDS_SKIPPED)).isEqualTo(1);
    }

    @Test
    void aStoryStartedAgainAfterItExpiredGoesOnFromItsLastVersion() {
        send("spy", true, "Chinese hackers roamed Japan's defence networks", JAPAN);
        send("copy", true, "Japan's defence networks penetrated by Chinese hackers", JAPAN);
        Instant later = NOW.plus(SinkTopology.RETENTION).plus(Duration.ofDays(1));
        // another story, a fortnight later by record time: the first expires
        pipe("other", true, "Phishing wave hits Baltic ministries", "Officials in Vilnius and Riga said mailboxes were read.", later);
        // the first story's first article again, as a retag sends it
        pipe("spy", true, "Chinese hackers roamed Japan's defence networks", JAPAN, later.plusSeconds(60));

        List<TestRecord<String, Story>> out = stories();

        String id = StoryRecords.storyId("spy");
        assertThat(out).extracting(TestRecord::key).containsExactly(id, id, StoryRecords.storyId("other"), id);
        assertThat(out).extracting(r -> r.value().version()).containsExactly(1, 2, 1, 3);
        assertThat(out.get(3).value().sources()).extracting(s -> s.articleId()).containsExactly("spy");
    }

    @Test
    void mergesTwoStoriesAReportShowsToBeOneAndLaterReportsJoinTheSurvivor() {
        String baltic = "A phishing campaign read the mailboxes of foreign ministry staff in Vilnius and Riga for most of "
                + "the year before a contractor noticed odd logins from a hosting provider.";
        pipe("a", true, "PLA hackers inside Japan's defence networks", JAPAN, NOW);
        pipe("b", true, "Tokyo scrambles after classified breach", baltic, NOW.plusSeconds(600));
        // b's text as syndicated, under most of a's headline: both are this event
        pipe("c", true, "PLA hackers inside Japan's defence networks, Tokyo says", baltic, NOW.plusSeconds(1200));
        pipe("d", true, "Tokyo scrambles after classified breach", "Officials would not say what was taken.", NOW.plusSeconds(1800));

        List<TestRecord<String, Story>> out = stories();

        String a = out.get(0).key();
        String b = out.get(1).key();
        assertThat(a).isNotEqualTo(b);
        assertThat(out.get(2).key()).isEqualTo(b);
        assertThat(out.get(2).value().mergedInto()).as("b's last version says where it went").isEqualTo(a);
        assertThat(out.get(2).value().version()).isEqualTo(2);
        assertThat(out.get(3).key()).isEqualTo(a);
        assertThat(out.get(3).value().sources()).extracting(x -> x.articleId()).containsExactly("a", "b", "c");
        assertThat(out.get(4).key()).as("a later report of b's joins the survivor").isEqualTo(a);
        assertThat(out.get(4).value().sources()).extracting(x -> x.articleId()).containsExactly("a", "b", "c", "d");
        assertThat(out).hasSize(5);
        assertThat(stats.get(Count.STORIES_MERGED)).isEqualTo(1);
    }

    // https://github.com/spyglass-news/spyglass/issues/17: the closed stories' versions were kept for good
    @Test
    void forgetsAClosedStorysVersionOnceTheStoriesRetentionHasPassed() {
        driver.close();
        Retention retention = new Retention(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(14),
                Duration.ofDays(14), Duration.ofDays(1));
        Properties props = new Properties();
        props.put("application.id", "sink-retention-test");
        props.put("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(SinkTopology.build(TOPICS, stats, retention), props);
        enriched = driver.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer());
        espionage = driver.createOutputTopic(TOPICS.espionage(), new StringDeserializer(), new ByteArrayDeserializer());
        KeyValueStore<String, ClosedStory> closed = driver.getKeyValueStore(SinkTopology.CLOSED_STORIES_STORE);
        KeyValueStore<String, OpenStory> open = driver.getKeyValueStore(SinkTopology.STORIES_STORE);
        String spy = StoryRecords.storyId("spy");

        pipe("spy", true, "Chinese hackers roamed Japan's defence networks", JAPAN, NOW);
        // stream time moves on with other stories: 15 days later the first has closed, its version kept
        pipe("b", true, "Phishing wave hits Baltic ministries", "Officials in Vilnius and Riga said mailboxes were read.",
                NOW.plus(Duration.ofDays(15)));
        assertThat(open.get(spy)).isNull();
        assertThat(closed.get(spy)).isEqualTo(new ClosedStory(1, NOW.plus(Duration.ofDays(15)).toEpochMilli()));

        // 30 days after it closed it is no longer on the espionage topic either: its version is forgotten
        pipe("c", true, "Ransomware crew leaks hospital records", "The gang posted files from three clinics on its site.",
                NOW.plus(Duration.ofDays(46)));
        assertThat(closed.get(spy)).isNull();
        assertThat(closed.get(StoryRecords.storyId("b"))).as("b closed at day 46, kept").isNotNull();
    }

    @Test
    void aClosedStoryReadsBackAsWrittenAndAnythingElseIsRefused() {
        ClosedStory.Serde serde = new ClosedStory.Serde();
        byte[] foreign = org.apache.kafka.common.serialization.Serdes.Integer().serializer().serialize("t", 7);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", new ClosedStory(3, 42L))))
                .isEqualTo(new ClosedStory(3, 42L));
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", foreign))
                .hasMessage("a closed story is 12 bytes, not 4");
    }

    private void pipe(String id, boolean isEspionage, String title, String text, Instant recordTime) {
        Tags tags = new Tags(isEspionage, isEspionage ? 0.9 : 0.05, isEspionage ? List.of(new Country("CN", "China")) : List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "test/1");
        EnrichedArticle a = new EnrichedArticle(new Article(1, id, "https://news.example/" + id, title, recordTime,
                new FeedRef("https://news.example/feed", null), text, ExtractionOutcome.FULL, "en", List.of(), recordTime), tags);
        enriched.pipeInput(new TestRecord<>(id, serde.serializer().serialize(TOPICS.enriched(), a), a.headers(), recordTime));
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
