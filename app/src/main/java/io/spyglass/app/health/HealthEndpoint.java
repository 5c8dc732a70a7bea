package io.spyglass.app.health;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.HealthServer;
import io.spyglass.app.health.ProcessHealth;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a process's health and metrics endpoint where the configuration says ({@code http.address}, {@code http.port}). */
public final class HealthEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private HealthEndpoint() {
    }

    /**
     * For the stage commands, which run under a supervisor that watches the endpoint: one that cannot listen stops
     * start-up, before Kafka is contacted.
     *
     * @throws EndpointUnavailableException naming the address and the setting to change
     */
    public static HealthServer start(SpyglassConfig config, ProcessHealth health) {
        try {
            return started(config.health().address(), HealthServer.start(config.health().address(), health));
        } catch (IOException e) {
            throw new EndpointUnavailableException(cannotListen(config.health().address(), e), e);
        }
    }

    /** For {@code run}: a port some other program holds must not stop the quick start, so it goes on without the endpoint. */
    public static Optional<HealthServer> startOrWarn(SpyglassConfig config, ProcessHealth health) {
        try {
            return Optional.of(started(config.health().address(), HealthServer.start(config.health().address(), health)));
        } catch (IOException e) {
            LOG.warn("{}; running without health and metrics", cannotListen(config.health().address(), e));
            return Optional.empty();
        }
    }

    private static HealthServer started(InetSocketAddress configured, HealthServer server) {
        // the configured host, as the bound one of 0.0.0.0 reads as IPv6's wildcard; the bound port, as 0 picks one
        LOG.info("Health and metrics on http://{}:{}/ (/health/live, /health/ready, /metrics)", configured.getHostString(),
                server.address().getPort());
        return server;
    }

    private static String cannotListen(InetSocketAddress address, IOException e) {
        return "Cannot listen on " + address.getHostString() + ":" + address.getPort() + " for health and metrics (" + e.getMessage()
                + "): set http.port or SPYGLASS_HTTP_PORT to a free port (0 picks one)";
    }
}
