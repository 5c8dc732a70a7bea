package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.stage.Stages;
import io.spyglass.ingest.IngestApp;
import io.spyglass.model.Contract.Kind;
import io.spyglass.model.Contract;
import io.spyglass.model.Json;
import io.spyglass.sink.SinkTopology;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich and sink killed mid-stream (SIGKILL: no commit, no shutdown hook) while a farm of a few hundred articles
 * flows, then started again: afterwards every story is on the espionage topic and in the file exactly once per
 * version, and every article is enriched exactly once.
 */
@ExtendWith(KafkaBroker.class)
class DeliveryFaultIT {
    @TempDir
    Path dir;
    private NewsFarm farm;
    private final List<StageProcess> stages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        farm = new NewsFarm();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (StageProcess stage : stages) {
            stage.close();
        }
        farm.close();
    }

    private StageProcess start(String name, Deployment d, KafkaBroker.Cluster kafka, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(name.replaceAll("-\\d+$", ""), "--config", d.config().toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve(name.replaceAll("-\\d+$", "")).toString()));
        args.addAll(List.of(more));
        StageProcess stage = StageProcess.start(dir.resolve(name + ".log"), args.toArray(String[]::new));
        stages.add(stage);
        return stage;
    }

    private void ingest(Deployment d, KafkaBroker.Cluster kafka, int fromOutlet, int toOutlet) throws Exception {
        Path feeds = dir.resolve("feeds-" + fromOutlet + ".yaml");
        Files.writeString(feeds, farm.feedsYaml(fromOutlet, toOutlet));
        SpyglassConfig config = d.load(kafka.bootstrapServers(), Map.of("feeds.file", feeds.toString(),
                "fetch.allow-private-addresses", "true"));
        try (IngestApp ingest = Stages.ingest(config, Stages.feeds(config))) {
            assertThat(ingest.pollOnce()).as("feeds polled").hasSize(toOutlet - fromOutlet).allMatch(p -> p.ok());
        }
    }

    private static int count(KafkaBroker.Cluster kafka, String topic) {
        return TopicReader.readAll(kafka.bootstrapServers(), topic).size();
    }

    @Test
    void everyStoryArrivesExactlyOncePerVersionThoughEnrichAndSinkAreKilledMidStream(KafkaBroker.Cluster kafka) throws Exception {
        // a killed member holds its partitions until its session times out; 6 s is the broker's minimum
        Deployment d = Deployment.create(dir, "kafka:", "  session.timeout.ms: 6000");
        SpyglassConfig config = d.load(kafka.bootstrapServers(), Map.of());
        Path out = dir.resolve("stories.jsonl");
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            admin.ensure(config.cluster());
        }
        StageProcess enrich = start("enrich-1", d, kafka);
        StageProcess sink = start("sink-1", d, kafka, "--out", out.toString());

        ingest(d, kafka, 0, NewsFarm.OUTLETS / 2);
        await().atMost(Duration.ofMinutes(1)).until(() -> count(kafka, config.cluster().topics().enriched()) > 0);
        enrich.kill();
        ingest(d, kafka, NewsFarm.OUTLETS / 2, NewsFarm.OUTLETS);
        start("enrich-2", d, kafka);
        await().atMost(Duration.ofMinutes(1)).until(() -> count(kafka, config.cluster().topics().espionage()) > 2);
        sink.kill();
        start("sink-2", d, kafka, "--out", out.toString());

        assertEveryStoryExactlyOnce(config, kafka.bootstrapServers(), out);
    }

    @Test
    void everyStoryArrivesExactlyOncePerVersionThoughTheBrokerRestartsMidStream() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path brokerDir = dir.resolve("broker");
        EmbeddedKafka broker = EmbeddedKafka.start(brokerDir, port);
        KafkaBroker.Cluster kafka = new KafkaBroker.Cluster(broker.bootstrapServers());
        try {
            Deployment d = Deployment.create(dir, "kafka:", "  session.timeout.ms: 6000");
            SpyglassConfig config = d.load(kafka.bootstrapServers(), Map.of());
            Path out = dir.resolve("stories.jsonl");
            try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
                admin.ensure(config.cluster());
            }
            start("enrich", d, kafka);
            start("sink", d, kafka, "--out", out.toString());
            ingest(d, kafka, 0, NewsFarm.OUTLETS / 2);
            await().atMost(Duration.ofMinutes(1)).until(() -> count(kafka, config.cluster().topics().espionage()) > 0);

            broker.close();
            broker = EmbeddedKafka.start(brokerDir, port);
            ingest(d, kafka, NewsFarm.OUTLETS / 2, NewsFarm.OUTLETS);

            assertEveryStoryExactlyOnce(config, kafka.bootstrapServers(), out);
            assertThat(stages).as("stages still running after the broker came back").allMatch(StageProcess::alive);
        } finally {
            for (StageProcess stage : stages) {
                stage.close();
            }
            stages.clear();
            broker.close();
        }
    }

    /**
     * Waits until every stage has committed everything, then checks that every article was enriched once and every
     * event's story is on the topic and in the file exactly once per version.
     */
    private void assertEveryStoryExactlyOnce(SpyglassConfig config, String bootstrapServers, Path out) throws Exception {
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    admin.caughtUp(config.cluster().enrichApplicationId(), config.cluster().topics().articles())
                            && admin.caughtUp(config.cluster().sinkApplicationId(), config.cluster().topics().enriched())
                            && admin.caughtUp(config.cluster().sinkApplicationId(), SinkTopology.clusteringTopic(config.cluster().sinkApplicationId()))
                            && admin.caughtUp(config.cluster().fileSinkGroup(), config.cluster().topics().espionage()));
        }

        var enriched = TopicReader.readAll(bootstrapServers, config.cluster().topics().enriched());
        assertThat(enriched).as("every article enriched exactly once").hasSize(NewsFarm.OUTLETS * NewsFarm.ITEMS_PER_OUTLET)
                .extracting(Map.Entry::getKey).doesNotHaveDuplicates();

        Set<String> taggedEspionage = new HashSet<>();
        Set<String> reports = new HashSet<>();
        farm.events().forEach(reports::addAll);
        for (var r : enriched) {
            JsonNode article = Json.MAPPER.readTree(r.getValue());
            Contract.assertConforms(Kind.ENRICHED_ARTICLE, article);
            if (article.at("/tags/espionage").asBoolean()) {
                taggedEspionage.add(article.get("url").asText());
            }
        }
        assertThat(taggedEspionage).as("the fixture: the tagger finds exactly the event reports").isEqualTo(reports);

        List<JsonNode> onTopic = new ArrayList<>();
        for (var r : TopicReader.readAll(bootstrapServers, config.cluster().topics().espionage())) {
            JsonNode story = Json.MAPPER.readTree(r.getValue());
            assertThat(story.get("storyId").asText()).as("key").isEqualTo(r.getKey());
            Contract.assertConforms(Kind.STORY, story);
            onTopic.add(story);
        }
        List<JsonNode> inFile = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            inFile.add(Json.MAPPER.readTree(line));
        }
        assertThat(onTopic).extracting(DeliveryFaultIT::keyAndVersion).as("story versions on the topic").doesNotHaveDuplicates()
                .hasSize(NewsFarm.EVENTS * 3);
        assertThat(inFile).extracting(DeliveryFaultIT::keyAndVersion).as("story versions in the file").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(onTopic.stream().map(DeliveryFaultIT::keyAndVersion).toList());

        Map<String, JsonNode> latest = new HashMap<>();
        onTopic.forEach(s -> latest.merge(s.get("storyId").asText(), s,
                (a, b) -> a.get("version").asInt() >= b.get("version").asInt() ? a : b));
        assertThat(latest.values()).extracting(DeliveryFaultIT::sourceUrls).as("each story's sources: one event's reports")
                .containsExactlyInAnyOrderElementsOf(farm.events());
        assertThat(latest.values()).extracting(s -> s.get("version").asInt()).containsOnly(3);
    }

    private static String keyAndVersion(JsonNode story) {
        return story.get("storyId").asText() + "@" + story.get("version").asInt();
    }

    private static Set<String> sourceUrls(JsonNode story) {
        Set<String> urls = new HashSet<>();
        story.get("sources").forEach(s -> urls.add(s.get("url").asText()));
        return urls;
    }
}
