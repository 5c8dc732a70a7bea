package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.Contract.Kind;
import io.spyglass.model.Contract;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.Retention;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spyglass retag} over articles retained on a real broker. */
@ExtendWith(KafkaBroker.class)
class RetagIT {
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    private static byte[] article(String id, String title, String text) throws Exception {
        return Json.MAPPER.writeValueAsBytes(new Article(Article.SCHEMA_VERSION, id, "https://news.example/" + id, title, NOW,
                new FeedRef("https://news.example/feed", "Example News"), text, ExtractionOutcome.FULL, "en", List.of(), NOW));
    }

    @Test
    void tagsEveryRetainedArticleAgainWithTheCurrentTaggerVersion(KafkaBroker.Cluster kafka) throws Exception {
        Deployment d = Deployment.create(dir);
        SpyglassConfig config = d.load(kafka.bootstrapServers(), Map.of());
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            admin.ensure(config.cluster().topics(), 1, Retention.defaults());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            for (var r : List.of(
                    new ProducerRecord<>(config.cluster().topics().articles(), "spy", article("spy",
                            "Chinese military hackers spent years inside Japan's defence networks",
                            "Chinese military hackers broke into Japan's classified defence networks and stayed for years, "
                                    + "officials said. Tokyo could not confirm whether secrets were stolen.")),
                    new ProducerRecord<>(config.cluster().topics().articles(), "bad", "{not json".getBytes(StandardCharsets.UTF_8)),
                    new ProducerRecord<>(config.cluster().topics().articles(), "budget", article("budget", "Budget passes",
                            "The parliament passed the budget on Tuesday.")))) {
                producer.send(r).get(30, TimeUnit.SECONDS);
            }
        }

        CommandLine cli = Spyglass.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("retag", "--config", d.config().toString(), "--bootstrap-servers", kafka.bootstrapServers());

        String version = Tagger.loadDefault().version();
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("Retagged 2 articles with " + version + ": 1 espionage, 1 skipped\n");
        List<JsonNode> enriched = new ArrayList<>();
        for (var r : TopicReader.readAll(kafka.bootstrapServers(), config.cluster().topics().enriched())) {
            enriched.add(Json.MAPPER.readTree(r.getValue()));
        }
        enriched.forEach(n -> Contract.assertConforms(Kind.ENRICHED_ARTICLE, n));
        assertThat(enriched).extracting(n -> n.get("id").asText() + " " + n.at("/tags/espionage").asBoolean() + " "
                + n.at("/tags/tagger").asText()).containsExactly("spy true " + version, "budget false " + version);
    }
}
