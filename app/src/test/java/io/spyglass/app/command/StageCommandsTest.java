package io.spyglass.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.app.Spyglass;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Failures a user causes when starting a stage: each gets one clear line and an exit code, not a stack trace. */
class StageCommandsTest {
    @TempDir
    Path dir;

    private record Result(int code, String err) {
    }

    private static Result run(String... args) {
        CommandLine cli = Spyglass.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(args), err.toString());
    }

    @Test
    void aStageWithoutAClusterSaysHowToNameOne() {
        Result r = run("enrich", "--config", dir.resolve("none.yaml").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(dir.resolve("none.yaml") + ": file not found");
    }

    @Test
    void aStageCommandNeedsBootstrapServers() throws Exception {
        Path config = dir.resolve("spyglass.yaml");
        Files.writeString(config, "data:\n  dir: " + dir.resolve("data") + "\n");

        Result r = run("sink", "--config", config.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No Kafka cluster: give --bootstrap-servers HOST:PORT");
    }

    @Test
    void anUnreachableBrokerIsOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path config = dir.resolve("spyglass.yaml");
        // short client timeouts so the test does not wait out the production minute
        Files.writeString(config, "kafka:\n  default.api.timeout.ms: 1500\n  request.timeout.ms: 1000\nhttp:\n  port: 0\n");

        Result r = run("enrich", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:" + closedPort);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("spyglass: Kafka at 127.0.0.1:" + closedPort + " does not answer")
                .contains("is the broker running and the address right?")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadFeedListNamesTheFileAndTheEntry() throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - url: https://ok.example/feed\n  - url: ftp://files.example/feed\n");

        // the feed list is checked before Kafka is contacted, so no broker is needed to see the mistake
        Result r = run("ingest", "--once", "--feeds", feeds.toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("spyglass: " + feeds + ": feeds[1]: bad url 'ftp://files.example/feed': "
                + "only http and https are supported" + System.lineSeparator());
    }

    @Test
    void runSaysWhenTheBrokerPortIsTaken() throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - url: https://news.example/feed\n");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("localhost"))) {
            Result r = run("run", "--once", "--feeds", feeds.toString(), "--kafka-port", Integer.toString(taken.getLocalPort()),
                    "--data-dir", dir.resolve("data").toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("spyglass: Port " + taken.getLocalPort() + " is already in use (another Kafka or "
                    + "Spyglass?): stop it, or start with --kafka-port 0 (any free port) or --bootstrap-servers HOST:PORT"
                    + System.lineSeparator());
        }
    }

    @Test
    void aStageSaysWhenItsHealthPortIsTakenBeforeContactingKafka() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = dir.resolve("spyglass.yaml");
            Files.writeString(config, "http:\n  address: 127.0.0.1\n  port: " + taken.getLocalPort() + "\n");

            Result r = run("sink", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("spyglass: Cannot listen on 127.0.0.1:" + taken.getLocalPort() + " for health and metrics (")
                    .endsWith("): set http.port or SPYGLASS_HTTP_PORT to a free port (0 picks one)" + System.lineSeparator());
        }
    }

    @Test
    void aStageThatCannotStartReleasesItsHealthPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("spyglass.yaml");
        Files.writeString(config, "kafka:\n  default.api.timeout.ms: 1500\n  request.timeout.ms: 1000\n"
                + "http:\n  address: 127.0.0.1\n  port: " + port + "\n");

        // the endpoint is up while the stage tries Kafka, which does not answer
        Result r = run("enrich", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertThat(r.code()).isEqualTo(1);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("port free again").isEqualTo(port);
        }
    }
}
