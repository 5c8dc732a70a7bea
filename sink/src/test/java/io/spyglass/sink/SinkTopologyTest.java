package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.Contract;
import io.spyglass.model.Country;
import io.spyglass.model.DeadLetter;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Tags;
import io.spyglass.model.Topics;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkTopologyTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
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
        driver = new TopologyTestDriver(SinkTopology.build(TOPICS, stats), props);
        enriched = driver.createInputTopic(TOPICS.enriched(), new StringSerializer(), new ByteArraySerializer());
        espionage = driver.createOutputTopic(TOPICS.espionage(), new StringDeserializer(), new ByteArrayDeserializer());
        deadLetter = driver.createOutputTopic(TOPICS.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String id, boolean isEspionage) {
        Tags tags = new Tags(isEspionage, isEspionage ? 0.9 : 0.05, isEspionage ? List.of(new Country("CN", "China")) : List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "test/1");
        EnrichedArticle a = new EnrichedArticle(1, id, "https://news.example/" + id, "t", NOW,
                new FeedRef("https://news.example/feed", null), "text", ExtractionOutcome.FULL, "en", List.of(), NOW, tags);
        enriched.pipeInput(id, serde.serializer().serialize(TOPICS.enriched(), a));
    }

    @Test
    void forwardsOnlyEspionageStories() {
        send("spy", true);
        send("sport", false);
        send("spy-2", true);

        assertThat(espionage.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("spy", "spy-2");
        assertThat(espionage.isEmpty()).isTrue();
        assertThat(stats.stories()).isEqualTo(2);
    }

    @Test
    void deadLettersUnreadableRecordsAndKeepsGoing() {
        enriched.pipeInput("poison", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        send("spy", true);

        var dead = deadLetter.readRecord();
        Contract.assertDeadLetterConforms(dead.headers(), dead.value());
        assertThat(dead.key()).isEqualTo("poison");
        assertThat(new String(dead.headers().lastHeader(DeadLetter.STAGE).value(), StandardCharsets.UTF_8)).isEqualTo("sink");
        assertThat(new String(dead.headers().lastHeader(DeadLetter.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(TOPICS.enriched());
        assertThat(espionage.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("spy");
    }
}
