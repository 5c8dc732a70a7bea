package io.spyglass.app.command;

import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.HealthEndpoint;
import io.spyglass.app.health.HealthServer;
import io.spyglass.app.health.ProcessHealth;
import io.spyglass.app.health.StageProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.StageRunner;
import io.spyglass.model.Stage;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /** Builds a stage from the configuration. */
    interface Builder<S extends Stage> {
        S build(SpyglassConfig config) throws Exception;
    }

    /**
     * Runs the one stage a stage command runs until the process is stopped (exit 0) or the stage fails for good
     * (exit 1). The health endpoint, reporting {@code probe}, listens before Kafka is contacted; then the topics are
     * created, {@code builder} builds the stage, {@code attach} hands it to the probe, and it starts, with its
     * {@code progress} logged every 15 s.
     */
    static <S extends Stage> int runStage(String name, SpyglassConfig config, StageProbe probe, Builder<S> builder,
                                          Consumer<S> attach, Function<S, Progress> progress) throws Exception {
        try (HealthServer endpoint = HealthEndpoint.start(config, new ProcessHealth(List.of(probe)))) {
            ensureTopics(config);
            S stage = builder.build(config);
            attach.accept(stage);
            stage.start();
            Progress counters = progress.apply(stage);
            counters.start(15);
            return StageRunner.runUntilStopped(name, () -> {
                counters.close();
                stage.close();
            }, stage.failure());
        }
    }
}
