package io.spyglass.app.broker;

import io.spyglass.app.Spyglass;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), running inside this JVM
 * with its log in a directory that survives restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private final KafkaRaftServer server;
    private final int port;
    /** Deleted on close when the broker was started in a temporary directory, else null. */
    private Path temporaryDir;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker on a free port in a new temporary directory named {@code prefix...}, which {@link #close()}
     * deletes with everything in it (for benchmarks and tests, whose logs take up to a few GB a run). State that
     * should go with the broker's, such as Streams state stores, can be put under {@link #temporaryDirectory()}.
     */
    public static EmbeddedKafka startTemporary(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        EmbeddedKafka kafka = start(dir, 0);
        kafka.temporaryDir = dir;
        return kafka;
    }

    /** The directory {@link #startTemporary} made, deleted on close; null for a broker started with {@link #start}. */
    public Path temporaryDirectory() {
        return temporaryDir;
    }

    /**
     * Starts a broker on {@code port} (0 picks a free one) with its log under {@code dataDir}, formatting the
     * directory on first use, and returns once it answers.
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        int brokerPort = port == 0 ? freePort() : requireFree(port);
        int controllerPort = freePort();
        Path logDir = dataDir.toAbsolutePath().resolve("kafka");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // the default 128 MiB cleaner buffer is heap a one-laptop broker does not need
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        props.put("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(props, logDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka's log directory " + logDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort);
        kafka.awaitReady(Duration.ofSeconds(60));
        LOG.info("Kafka broker ready on localhost:{} (log in {})", brokerPort, logDir);
        return kafka;
    }

    private static void format(Properties props, Path logDir) throws IOException {
        Path config = Files.createTempFile("spyglass-kafka", ".properties");
        try {
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "spyglass embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (code != 0) {
                throw new IllegalStateException("Formatting Kafka's log directory " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker did not become ready within " + timeout.toSeconds() + " s", e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }

    /** Fails with a message a person can act on, where the broker would fail with a page of stack traces. */
    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress("localhost", port));
            return port;
        } catch (IOException e) {
            throw new KafkaUnavailableException("Port " + port + " is already in use (another Kafka or Spyglass?): stop it, "
                    + "or start with --kafka-port 0 (any free port) or --bootstrap-servers HOST:PORT", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /** The broker's port. */
    public int port() {
        return port;
    }

    /** {@code localhost:<port>}, for clients. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker stopped");
        if (temporaryDir != null) {
            try (Stream<Path> paths = Files.walk(temporaryDir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", temporaryDir, e.toString());
            }
        }
    }
}
