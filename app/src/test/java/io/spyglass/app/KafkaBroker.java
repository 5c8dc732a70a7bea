package io.spyglass.app;

import io.spyglass.app.broker.EmbeddedKafka;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one real Kafka broker of a test JVM, shared by every test that asks for a {@link Cluster} parameter:
 * Testcontainers' Kafka where Docker runs, else the embedded KRaft broker. {@code -Dspyglass.test.kafka=docker|embedded}
 * forces one.
 */
public final class KafkaBroker implements ParameterResolver {
    /** The image docker-compose.yml runs, so tests and deployments use the same broker. */
    static final String IMAGE = "apache/kafka:4.4.0";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    /** A running broker. */
    public record Cluster(String bootstrapServers) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(KafkaBroker.class, k -> start(), Running.class).cluster;
    }

    private static Running start() {
        String mode = System.getProperty("spyglass.test.kafka", "auto");
        if (mode.equals("docker") || (mode.equals("auto") && dockerAvailable())) {
            KafkaContainer container = new KafkaContainer(IMAGE);
            try {
                container.start();
                LOG.info("Tests use Kafka in Docker ({})", IMAGE);
                return new Running(new Cluster(container.getBootstrapServers()), container::stop);
            } catch (RuntimeException e) {
                if (mode.equals("docker")) {
                    throw e;
                }
                // e.g. the image cannot be pulled: the embedded broker runs the same tests
                LOG.warn("Kafka in Docker did not start ({}); using the embedded broker", e.getMessage());
                container.close();
            }
        }
        try {
            EmbeddedKafka kafka = EmbeddedKafka.startTemporary("spyglass-test-kafka");
            LOG.info("Tests use the embedded Kafka broker on {}", kafka.bootstrapServers());
            return new Running(new Cluster(kafka.bootstrapServers()), kafka::close);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a directory for the test broker", e);
        }
    }

    /** Docker's probe has been seen to hang on a socket that accepts but never answers, so it gets 10 s. */
    private static boolean dockerAvailable() {
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                probe.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (RuntimeException | LinkageError e) {
                probe.complete(false);
            }
        }, "docker-probe");
        t.setDaemon(true);
        t.start();
        try {
            return probe.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the broker when the test JVM's root context closes. */
    private record Running(Cluster cluster, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }
}
