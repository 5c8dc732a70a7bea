package io.spyglass.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.app.Spyglass;
import io.spyglass.app.health.HealthServer;
import io.spyglass.app.health.IngestProbe;
import io.spyglass.app.health.ProcessHealth;
import io.spyglass.app.health.StreamsProbe;
import io.spyglass.enrich.EnrichStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code spyglass health}, the container health check, against a real endpoint on loopback. */
class HealthCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result health(String... args) {
        CommandLine cli = Spyglass.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "health";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Result(cli.execute(all), out.toString(), err.toString());
    }

    private static HealthServer endpoint(ProcessHealth health) throws Exception {
        return HealthServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), health);
    }

    private static String readyUrl(HealthServer server) {
        return "http://127.0.0.1:" + server.address().getPort() + "/health/ready";
    }

    @Test
    void exitsZeroWhenTheProcessIsReady() throws Exception {
        StreamsProbe<EnrichStats> enrich = StreamsProbe.enrich();
        enrich.attach(() -> State.RUNNING, new CompletableFuture<>(), new EnrichStats());
        try (HealthServer server = endpoint(new ProcessHealth(List.of(enrich)))) {
            Result r = health("--url", readyUrl(server));

            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("200 {\"ready\":true,\"stages\":{\"enrich\":\"RUNNING\"}}" + System.lineSeparator());
        }
    }

    @Test
    void exitsOneAndSaysWhyWhenAStageIsNotReady() throws Exception {
        try (HealthServer server = endpoint(new ProcessHealth(List.of(new IngestProbe())))) {
            Result r = health("--url", readyUrl(server));

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).isEqualTo("503 {\"ready\":false,\"stages\":{\"ingest\":\"STARTING\"}}" + System.lineSeparator());
        }
    }

    @Test
    void exitsOneWhenNothingAnswers() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        Result r = health("--url", "http://127.0.0.1:" + closed + "/health/ready");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("spyglass: http://127.0.0.1:" + closed + "/health/ready does not answer: ");
    }

    @Test
    void exitsOneNotTwoOnABadConfiguration() {
        // Docker reserves a health check's exit status 2
        Result r = health("--config", "/no/such/spyglass.yaml");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("spyglass: /no/such/spyglass.yaml: file not found" + System.lineSeparator());
    }

    @Test
    void asksTheConfiguredPortOnThisMachineByDefault() {
        assertThat(HealthCommand.readyUrl(new InetSocketAddress("0.0.0.0", 8080)))
                .isEqualTo(URI.create("http://localhost:8080/health/ready"));
        assertThat(HealthCommand.readyUrl(new InetSocketAddress("127.0.0.2", 9000)))
                .isEqualTo(URI.create("http://127.0.0.2:9000/health/ready"));
        assertThat(HealthCommand.readyUrl(new InetSocketAddress("::1", 9000)))
                .isEqualTo(URI.create("http://[0:0:0:0:0:0:0:1]:9000/health/ready"));
    }
}
