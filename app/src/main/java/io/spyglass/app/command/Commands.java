package io.spyglass.app.command;

import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.HealthEndpoint;
import io.spyglass.app.health.HealthServer;
import io.spyglass.app.health.ProcessHealth;
import io.spyglass.app.health.StageProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.StageRunner;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Checks and set-up the stage commands share. */
public final class Commands {

    private Commands() {
    }

    /** The configuration, which must name a cluster: the stage commands never start a broker of their own. */
    static SpyglassConfig requireCluster(SpyglassConfig config) {
        if (config.usesEmbeddedBroker()) {
            throw new IllegalArgumentException("No Kafka cluster: give --bootstrap-servers HOST:PORT, SPYGLASS_BOOTSTRAP_SERVERS or kafka.bootstrap.servers "
                            + "(or use 'spyglass run', which starts its own broker)");
        }
        return config;
    }

    /** Creates missing topics, so any stage can start first. */
    static void ensureTopics(SpyglassConfig config) throws Exception {
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            admin.ensure(config.cluster());
        }
    }

    /**
     * A started stage.
     *
     * @param stage    what to close when the process is stopped
     * @param failure  completes when the stage has stopped processing for good
     * @param progress the stage's counters, logged every 15 s
     */
    record Running(AutoCloseable stage, CompletableFuture<Throwable> failure, Progress progress) {
    }

    /** Starts a stage, once its endpoint listens and the topics exist. */
    interface Starter {
        Running start() throws Exception;
    }

    /**
     * Runs the one stage a stage command runs, until the process is stopped (exit 0) or the stage fails for good
     * (exit 1): the health endpoint reports {@code probe}, which {@code starter} attaches, and the topics are created
     * before the stage starts.
     */
    static int runStage(String name, SpyglassConfig config, StageProbe probe, Starter starter) throws Exception {
        try (HealthServer endpoint = HealthEndpoint.start(config, new ProcessHealth(List.of(probe)))) {
            ensureTopics(config);
            Running running = starter.start();
            running.progress().start(15);
            return StageRunner.runUntilStopped(name, () -> {
                running.progress().close();
                running.stage().close();
            }, running.failure());
        }
    }
}
