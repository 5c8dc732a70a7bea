package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.Contract;
import io.spyglass.model.Contract.Kind;
import io.spyglass.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A story the publisher corrects between two {@code spyglass run --once}: ingest publishes it again as revision 2
 * under the same id, enrich tags it again, and the sink updates its story; the state lives in Kafka only.
 */
@ExtendWith(KafkaBroker.class)
class RevisionIT {
    private static final String PAGE = "/pages/defence-networks.html";
    private static final String ADDED = "On Tuesday the defence ministry confirmed that the intruders had copied planning "
            + "documents before they were found.";
    @TempDir
    Path dir;
    private FeedFarm farm;
    private String prefix;
    private Path config;
    private Path feeds;

    @BeforeEach
    void setUp() throws Exception {
        farm = new FeedFarm();
        Deployment deployment = Deployment.create(dir);
        prefix = deployment.prefix();
        config = deployment.config();
        feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - url: " + farm.url("/news.rss") + "\n    name: Harbour Ledger\n");
    }

    @AfterEach
    void tearDown() {
        farm.close();
    }

    private void runOnce(KafkaBroker.Cluster kafka) {
        CommandLine cli = Spyglass.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        // a fresh data directory each run: what the second run knows comes from Kafka, as after a container restart
        int code = cli.execute("run", "--once", "--config", config.toString(), "--feeds", feeds.toString(),
                "--out", dir.resolve("stories.jsonl").toString(), "--allow-private-addresses",
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", dir.resolve("data-" + UUID.randomUUID()).toString());
        assertThat(err.toString()).as("stderr of the command").isEmpty();
        assertThat(code).as("exit code").isZero();
    }

    private List<JsonNode> read(KafkaBroker.Cluster kafka, String topic, Kind kind) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (Map.Entry<String, String> r : TopicReader.readAll(kafka.bootstrapServers(), prefix + "." + topic)) {
            JsonNode n = Json.MAPPER.readTree(r.getValue());
            Contract.assertConforms(kind, n);
            nodes.add(n);
        }
        return nodes;
    }

    @Test
    void publishesACorrectedStoryAsTheNextRevisionThroughTheWholePipeline(KafkaBroker.Cluster kafka) throws Exception {
        runOnce(kafka);
        farm.edit("/news.rss", rss -> rss.replace("Officials say Chinese military hackers were inside",
                "The ministry now confirms Chinese military hackers were inside"));
        farm.edit(PAGE, html -> html.replace("</article>", "<p>" + ADDED + "</p></article>"));

        runOnce(kafka);
        runOnce(kafka);

        assertThat(farm.hits(PAGE)).as("page fetches: first sight, then once for the changed entry").isEqualTo(2);
        assertThat(farm.hits("/pages/hospital-ransomware.html")).as("an unchanged item is not fetched again").isEqualTo(1);
        List<JsonNode> articles = read(kafka, "articles", Kind.ARTICLE);
        assertThat(articles).extracting(n -> n.get("url").asText(), n -> n.get("revision").asInt()).containsExactlyInAnyOrder(
                tuple(farm.url(PAGE), 1), tuple(farm.url(PAGE), 2), tuple(farm.url("/pages/hospital-ransomware.html"), 1));
        List<JsonNode> enriched = read(kafka, "enriched", Kind.ENRICHED_ARTICLE).stream()
                .filter(n -> n.get("url").asText().equals(farm.url(PAGE))).toList();
        assertThat(enriched).extracting(n -> n.get("revision").asInt(), n -> n.get("text").asText().contains(ADDED))
                .containsExactly(tuple(1, false), tuple(2, true));
        String id = articles.stream().filter(n -> n.get("url").asText().equals(farm.url(PAGE))).findFirst().orElseThrow()
                .get("id").asText();
        assertThat(articles).filteredOn(n -> n.get("id").asText().equals(id)).hasSize(2);
        assertThat(enriched).extracting(n -> n.get("id").asText()).containsOnly(id);
        List<JsonNode> stories = read(kafka, "espionage", Kind.STORY);
        assertThat(stories).extracting(n -> n.get("version").asInt()).containsExactly(1, 2);
        assertThat(stories.get(1).get("sources")).as("the revision replaces its source").hasSize(1);
        assertThat(stories.get(1).at("/sources/0/text").asText()).contains(ADDED);
    }
}
