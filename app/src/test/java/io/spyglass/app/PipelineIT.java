package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole pipeline through the {@code spyglass run --once} command, on a real broker, over feeds served from loopback. */
@ExtendWith(KafkaBroker.class)
class PipelineIT {
    @TempDir
    Path dir;
    private FeedFarm farm;
    private String prefix;
    private Path config;
    private Path feeds;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        farm = new FeedFarm();
        Deployment deployment = Deployment.create(dir);
        prefix = deployment.prefix();
        config = deployment.config();
        feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, String.join("\n",
                "feeds:",
                "  - url: " + farm.url("/news.rss"),
                "    name: Harbour Ledger",
                "  - url: " + farm.url("/world.atom"),
                ""));
        out = dir.resolve("stories.jsonl");
    }

    @AfterEach
    void tearDown() {
        farm.close();
    }

    private int runOnce(KafkaBroker.Cluster kafka) {
        CommandLine cli = Spyglass.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("run", "--once", "--config", config.toString(), "--feeds", feeds.toString(),
                "--out", out.toString(), "--allow-private-addresses", "--bootstrap-servers", kafka.bootstrapServers(),
                "--data-dir", dir.resolve("data").toString());
        assertThat(err.toString()).as("stderr of the command").isEmpty();
        return code;
    }

    private static List<JsonNode> json(List<Map.Entry<String, String>> records) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (var r : records) {
            nodes.add(Json.MAPPER.readTree(r.getValue()));
        }
        return nodes;
    }

    @Test
    void deliversTheEspionageStoryOnceAndEveryArticleToEnriched(KafkaBroker.Cluster kafka) throws Exception {
        assertThat(runOnce(kafka)).isZero();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as("stories written to --out").hasSize(1);
        JsonNode story = Json.MAPPER.readTree(lines.get(0));
        Contract.assertConforms(Kind.STORY, story);
        assertThat(story.get("sources")).as("articles reporting the story").hasSize(1);
        JsonNode source = story.at("/sources/0");
        assertThat(source.get("url").asText()).as("canonical URL, tracking parameters removed")
                .isEqualTo(farm.url("/pages/defence-networks.html"));
        assertThat(source.at("/feed/name").asText()).isEqualTo("Harbour Ledger");
        assertThat(story.at("/tags/espionage").asBoolean()).isTrue();
        assertThat(story.at("/tags/attributed").findValuesAsText("code")).containsExactly("CN");
        assertThat(story.at("/tags/victims").findValuesAsText("code")).contains("JP");
        String text = source.get("text").asText();
        assertThat(text).contains("Hackers working for China's People's Liberation Army got into Japan's classified defence computer systems")
                .contains("could slow intelligence sharing between the two countries");
        assertThat(text).as("boilerplate removed")
                .doesNotContain("Accept all cookies", "Related stories", "Share this article", "Sign up for our newsletter",
                        "Great article, thanks", "All rights reserved", "Privacy policy", "Search the site");

        var espionage = TopicReader.readAll(kafka.bootstrapServers(), prefix + ".espionage");
        assertThat(espionage).extracting(Map.Entry::getKey).containsExactly(story.get("storyId").asText());
        json(espionage).forEach(n -> Contract.assertConforms(Kind.STORY, n));
        json(TopicReader.readAll(kafka.bootstrapServers(), prefix + ".articles")).forEach(n -> Contract.assertConforms(Kind.ARTICLE, n));

        List<JsonNode> enriched = json(TopicReader.readAll(kafka.bootstrapServers(), prefix + ".enriched"));
        enriched.forEach(n -> Contract.assertConforms(Kind.ENRICHED_ARTICLE, n));
        List<JsonNode> feedStatuses = json(TopicReader.readAll(kafka.bootstrapServers(), prefix + ".feed-status"));
        assertThat(feedStatuses).isNotEmpty().allSatisfy(n -> Contract.assertConforms(Kind.FEED_STATUS, n));
        assertThat(enriched).extracting(n -> n.get("title").asText()).containsExactlyInAnyOrder(
                "Beijing's military hackers roamed Japan's secret defence networks for years, officials say",
                "Ransomware gang demands $4m from regional hospital chain",
                "Late header sends Rovers into the cup final",
                "Former embassy clerk jailed for selling documents to a foreign agent");
        assertThat(enriched).filteredOn(n -> n.at("/tags/espionage").asBoolean())
                .extracting(n -> n.get("id").asText()).containsExactly(source.get("articleId").asText());
    }

    @Test
    void aSecondRunOverTheSameFeedsAddsNothing(KafkaBroker.Cluster kafka) throws Exception {
        assertThat(runOnce(kafka)).isZero();
        int pageHits = farm.hits("/pages/defence-networks.html");

        assertThat(runOnce(kafka)).isZero();

        assertThat(farm.hits("/pages/defence-networks.html")).as("pages fetched again").isEqualTo(pageHits);
        assertThat(farm.hits("/news.rss")).as("feed polled on each run").isEqualTo(2);
        assertThat(Files.readAllLines(out)).hasSize(1);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), prefix + ".enriched")).hasSize(4);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), prefix + ".espionage")).hasSize(1);
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), prefix + ".articles")).hasSize(4);
    }
}
