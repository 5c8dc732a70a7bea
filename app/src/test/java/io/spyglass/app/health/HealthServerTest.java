package io.spyglass.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.enrich.EnrichStats;
import io.spyglass.model.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP on loopback. */
class HealthServerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private HealthServer server;

    /** A stage whose status and counter the test sets. */
    private static final class FakeProbe implements StageProbe {
        private final String name;
        private volatile StageStatus status = new StageStatus("STARTING", false, false);
        final AtomicLong things = new AtomicLong();

        FakeProbe(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> states() {
            return List.of("STARTING", "WORKING", "BROKEN");
        }

        @Override
        public StageStatus status() {
            return status;
        }

        @Override
        public List<Metric> metrics() {
            return List.of(Metric.counter("spyglass_" + name + "_things_total", "Things done.", things.get()));
        }
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private void start(StageProbe... stages) throws IOException {
        server = HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new ProcessHealth(List.of(stages)));
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    @Test
    void readyOnlyWhenEveryStageIsAndTheBodyNamesEachStageState() throws Exception {
        FakeProbe ingest = new FakeProbe("ingest");
        FakeProbe enrich = new FakeProbe("enrich");
        start(ingest, enrich);
        ingest.status = new StageStatus("WORKING", true, false);

        HttpResponse<String> notYet = get("/health/ready");

        assertThat(notYet.statusCode()).isEqualTo(503);
        assertThat(notYet.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = Json.MAPPER.readTree(notYet.body());
        assertThat(body.get("ready").asBoolean()).isFalse();
        assertThat(body.get("stages").toString()).isEqualTo("{\"ingest\":\"WORKING\",\"enrich\":\"STARTING\"}");

        enrich.status = new StageStatus("WORKING", true, false);
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"ready\":true,\"stages\":{\"ingest\":\"WORKING\",\"enrich\":\"WORKING\"}}");
    }

    @Test
    void liveWhileStartingOrWorkingAndNotOnceAStageFailedForGood() throws Exception {
        FakeProbe sink = new FakeProbe("sink");
        start(sink);

        assertThat(get("/health/live").statusCode()).as("starting").isEqualTo(200);
        sink.status = new StageStatus("WORKING", true, false);
        assertThat(get("/health/live").statusCode()).as("working").isEqualTo(200);

        sink.status = new StageStatus("BROKEN", false, true);
        HttpResponse<String> failed = get("/health/live");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).isEqualTo("{\"live\":false,\"stages\":{\"sink\":\"BROKEN\"}}");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void aStreamsStageIsNotLiveOnceItsFailureFutureCompletedOrItsClientIsInError() throws Exception {
        StreamsProbe<EnrichStats> enrich = StreamsProbe.enrich();
        start(enrich);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        AtomicLong tick = new AtomicLong();
        enrich.attach(() -> tick.get() == 0 ? State.RUNNING : State.ERROR, failure, new EnrichStats());

        assertThat(get("/health/ready").body()).isEqualTo("{\"ready\":true,\"stages\":{\"enrich\":\"RUNNING\"}}");
        failure.complete(new IllegalStateException("state directory lost"));
        assertThat(get("/health/live").statusCode()).as("failure future completed").isEqualTo(503);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);

        tick.set(1);
        assertThat(get("/health/live").body()).isEqualTo("{\"live\":false,\"stages\":{\"enrich\":\"ERROR\"}}");
    }

    @Test
    void metricsAreValidPrometheusTextWhoseValuesFollowTheCounters() throws Exception {
        FakeProbe ingest = new FakeProbe("ingest");
        start(ingest);

        HttpResponse<String> before = get("/metrics");
        ingest.things.addAndGet(3);
        ingest.status = new StageStatus("WORKING", true, false);
        HttpResponse<String> after = get("/metrics");

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        PrometheusScrape first = PrometheusScrape.parse(before.body());
        PrometheusScrape second = PrometheusScrape.parse(after.body());
        assertThat(first.value("spyglass_ingest_things_total")).isZero();
        assertThat(second.value("spyglass_ingest_things_total")).isEqualTo(3);
        assertThat(second.types()).containsEntry("spyglass_ingest_things_total", "counter")
                .containsEntry("spyglass_stage_state", "gauge").containsEntry("spyglass_stage_ready", "gauge");
        assertThat(first.value("spyglass_stage_state{stage=\"ingest\",state=\"STARTING\"}")).isEqualTo(1);
        assertThat(second.value("spyglass_stage_state{stage=\"ingest\",state=\"STARTING\"}")).isZero();
        assertThat(second.value("spyglass_stage_state{stage=\"ingest\",state=\"WORKING\"}")).isEqualTo(1);
        assertThat(second.value("spyglass_stage_state{stage=\"ingest\",state=\"BROKEN\"}")).isZero();
        assertThat(first.value("spyglass_stage_ready{stage=\"ingest\"}")).isZero();
        assertThat(second.value("spyglass_stage_ready{stage=\"ingest\"}")).isEqualTo(1);
    }

    @Test
    void aWholePipelineExposesEveryStageCounterAndTheStreamsStatesBeforeTheStagesExist() throws Exception {
        start(new IngestProbe(), StreamsProbe.enrich(), StreamsProbe.sink());

        PrometheusScrape scrape = PrometheusScrape.parse(get("/metrics").body());

        assertThat(scrape.types()).containsOnlyKeys(
                "spyglass_ingest_feeds_polled_total", "spyglass_ingest_feeds_failed_total",
                "spyglass_ingest_articles_produced_total", "spyglass_ingest_articles_revised_total",
                "spyglass_ingest_pages_failed_total", "spyglass_ingest_items_already_seen_total",
                "spyglass_ingest_items_unchanged_total", "spyglass_ingest_articles_truncated_total",
                "spyglass_ingest_articles_too_large_total", "spyglass_ingest_marks_refreshed_total",
                "spyglass_enrich_articles_tagged_total", "spyglass_enrich_articles_espionage_total",
                "spyglass_enrich_duplicates_total", "spyglass_enrich_dead_lettered_total",
                "spyglass_sink_stories_emitted_total", "spyglass_sink_records_skipped_total",
                "spyglass_sink_file_lines_written_total", "spyglass_sink_webhook_posts_total",
                "spyglass_sink_stories_merged_total", "spyglass_sink_dead_lettered_total",
                "spyglass_stage_state", "spyglass_stage_ready");
        assertThat(scrape.series().entrySet()).filteredOn(e -> e.getKey().endsWith("_total")).hasSize(20)
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isZero());
        for (State s : State.values()) {
            assertThat(scrape.value("spyglass_stage_state{stage=\"sink\",state=\"" + s + "\"}")).as(s.name()).isZero();
        }
        assertThat(scrape.value("spyglass_stage_state{stage=\"sink\",state=\"STARTING\"}")).isEqualTo(1);
        assertThat(scrape.value("spyglass_stage_state{stage=\"ingest\",state=\"STARTING\"}")).isEqualTo(1);
        assertThat(get("/health/ready").body())
                .isEqualTo("{\"ready\":false,\"stages\":{\"ingest\":\"STARTING\",\"enrich\":\"STARTING\",\"sink\":\"STARTING\"}}");
    }

    @Test
    void answersHeadWithTheStatusAndNoBody() throws Exception {
        FakeProbe ingest = new FakeProbe("ingest");
        start(ingest);

        HttpResponse<String> notReady = send("HEAD", "/health/ready");
        ingest.status = new StageStatus("POLLING", true, false);
        HttpResponse<String> ready = send("HEAD", "/health/ready");

        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEmpty();
        assertThat(send("HEAD", "/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void anythingElseIsNotFound() throws Exception {
        start(new FakeProbe("ingest"));

        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/health").statusCode()).isEqualTo(404);
        assertThat(get("/health/ready/").statusCode()).isEqualTo(404);
        assertThat(get("/metrics.json").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/health/ready").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/metrics").statusCode()).isEqualTo(404);
    }

    @Test
    void closeReleasesThePort() throws Exception {
        start(new FakeProbe("ingest"));
        int port = server.address().getPort();
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        server.close();
        server = null;

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    // https://github.com/spyglass-news/spyglass/issues/18 (item 5): two sockets that sent half a request held both
    // threads, and every probe after them timed out
    @Test
    void answersAProbeWhileManyConnectionsSitIdleOrSendHalfARequest() throws Exception {
        FakeProbe ingest = new FakeProbe("ingest");
        ingest.status = new StageStatus("POLLING", true, false);
        start(ingest);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                slow.add(new Socket(InetAddress.getLoopbackAddress(), server.address().getPort()));
            }
            for (int i = 0; i < 20; i++) {
                Socket half = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
                half.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow:".getBytes(StandardCharsets.US_ASCII));
                half.getOutputStream().flush();
                slow.add(half);
            }
            URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/health/ready");

            HttpResponse<String> probe = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(probe.statusCode()).isEqualTo(200);
            assertThat(probe.body()).isEqualTo("{\"ready\":true,\"stages\":{\"ingest\":\"POLLING\"}}");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void closesAConnectionThatSendsHalfARequestAndGoesQuiet() throws Exception {
        start(new FakeProbe("ingest"));
        try (Socket half = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            half.setSoTimeout(60_000);
            half.getOutputStream().write("GET /health/live HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            half.getOutputStream().flush();

            // the server gives up on the request and closes: end of stream, well before the 60 s the test waits
            assertThat(half.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void namesWhyAStageIsNotReady() throws Exception {
        FakeProbe ingest = new FakeProbe("ingest");
        ingest.status = IngestProbe.status(true, "Kafka cannot take writes");
        start(ingest);

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"ready\":false,\"stages\":{\"ingest\":\"CANNOT_STORE\"},"
                + "\"reasons\":{\"ingest\":\"Kafka cannot take writes\"}}");
    }
}
