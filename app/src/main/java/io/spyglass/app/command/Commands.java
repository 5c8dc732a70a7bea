package io.spyglass.app.command;

import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;

/** Checks and set-up the stage commands share. */
public final class Commands {

    private Commands() {
    }

    /** The configuration, which must name a cluster: the stage commands never start a broker of their own. */
    static SpyglassConfig requireCluster(SpyglassConfig config) {
        if (config.embedded()) {
            throw new IllegalArgumentException("No Kafka cluster: give --bootstrap-servers HOST:PORT, SPYGLASS_BOOTSTRAP_SERVERS or kafka.bootstrap.servers "
                            + "(or use 'spyglass run', which starts its own broker)");
        }
        return config;
    }

    /** Creates missing topics, so any stage can start first. */
    static void ensureTopics(SpyglassConfig config) throws Exception {
        try (TopicAdmin admin = new TopicAdmin(config.kafka())) {
            admin.ensure(config.topics(), config.partitions(), config.retention());
        }
    }
}
