package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spyglass.app.health.PrometheusScrape;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint of real Spyglass processes, each in a JVM of its own, against the test broker. */
@ExtendWith(KafkaBroker.class)
class HealthEndpointIT {
    private static final Pattern ENDPOINT = Pattern.compile("Health and metrics on (http://127\\.0\\.0\\.1:\\d+)/");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private final List<StageProcess> processes = new ArrayList<>();
    private FeedFarm farm;

    @AfterEach
    void tearDown() throws InterruptedException {
        for (StageProcess p : processes) {
            p.close();
        }
        if (farm != null) {
            farm.close();
        }
    }

    private StageProcess start(String name, String... args) throws IOException {
        StageProcess p = StageProcess.start(dir.resolve(name + ".log"), args);
        processes.add(p);
        return p;
    }

    /** The endpoint's base URL, from the log line that says where it listens (the deployment asks for any free port). */
    private static URI endpoint(StageProcess p) {
        return await("the endpoint's log line").atMost(Duration.ofMinutes(1)).until(() -> {
            Matcher m = ENDPOINT.matcher(Files.exists(p.log()) ? Files.readString(p.log()) : "");
            assertThat(p.alive()).as("process running; its log: " + p.log()).isTrue();
            return m.find() ? URI.create(m.group(1)) : null;
        }, u -> u != null);
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runReportsEveryStageReadyAndCountsWhatItDid(KafkaBroker.Cluster kafka) throws Exception {
        farm = new FeedFarm();
        Deployment d = Deployment.create(dir);
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - url: " + farm.url("/news.rss") + "\n  - url: " + farm.url("/world.atom") + "\n");
        StageProcess run = start("run", "run", "--config", d.config().toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--feeds", feeds.toString(), "--allow-private-addresses", "--data-dir", dir.resolve("data").toString());
        URI base = endpoint(run);

        await("every stage ready").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(get(base, "/health/ready").body())
                        .isEqualTo("{\"ready\":true,\"stages\":{\"ingest\":\"POLLING\",\"enrich\":\"RUNNING\",\"sink\":\"RUNNING\"}}"));
        // the farm's four articles, one of them espionage, all the way through
        await("articles counted by every stage").atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.parse(get(base, "/metrics").body());
            assertThat(scrape.value("spyglass_ingest_articles_produced_total")).isEqualTo(4);
            assertThat(scrape.value("spyglass_enrich_articles_tagged_total")).isEqualTo(4);
            assertThat(scrape.value("spyglass_enrich_articles_espionage_total")).isEqualTo(1);
            assertThat(scrape.value("spyglass_sink_records_skipped_total")).isEqualTo(3);
            assertThat(scrape.value("spyglass_sink_stories_emitted_total")).isEqualTo(1);
        });
        PrometheusScrape scrape = PrometheusScrape.parse(get(base, "/metrics").body());
        assertThat(scrape.value("spyglass_ingest_feeds_polled_total")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("spyglass_stage_state{stage=\"enrich\",state=\"RUNNING\"}")).isEqualTo(1);
        assertThat(scrape.value("spyglass_stage_ready{stage=\"ingest\"}")).isEqualTo(1);
        assertThat(get(base, "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void aStageCommandAnswersUntilItStopsAndThenStopsCleanly(KafkaBroker.Cluster kafka) throws Exception {
        Deployment d = Deployment.create(dir);
        StageProcess sink = start("sink", "sink", "--config", d.config().toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--data-dir", dir.resolve("data").toString());
        URI base = endpoint(sink);
        await("sink ready").atMost(Duration.ofMinutes(2)).until(() -> get(base, "/health/ready").statusCode() == 200);

        assertThat(sink.terminate()).as("stopped by itself after SIGTERM").isTrue();

        assertThat(Files.readString(sink.log())).contains("Stopping sink").doesNotContain(" ERROR ", "Stopping sink failed");
        assertThatThrownBy(() -> get(base, "/health/live")).as("nothing listens any more").isInstanceOf(ConnectException.class);
    }
}
