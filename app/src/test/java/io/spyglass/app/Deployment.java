package io.spyglass.app;

import io.spyglass.app.config.SpyglassConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A deployment of its own on the shared test broker: unique topic names and group prefix in a config file, so
 * tests never see each other's records. The pattern PipelineIT uses, for the integration tests that drive stages.
 *
 * @param prefix the groups prefix, also the topic-name prefix
 * @param config the spyglass.yaml
 */
record Deployment(String prefix, Path config) {

    /** Writes the config file under {@code dir}, with {@code extra} YAML lines appended. */
    static Deployment create(Path dir, String... extra) throws IOException {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Path config = dir.resolve(prefix + ".yaml");
        Files.writeString(config, String.join("\n",
                "groups:", "  prefix: " + prefix,
                "topics:", "  partitions: 3",
                "  articles: " + prefix + ".articles", "  enriched: " + prefix + ".enriched",
                "  espionage: " + prefix + ".espionage", "  dead-letter: " + prefix + ".dead-letter",
                "  seen: " + prefix + ".seen", "  feed-status: " + prefix + ".feed-status",
                // several stages of a test run side by side, each with an endpoint of its own
                "http:", "  address: 127.0.0.1", "  port: 0", "web:", "  address: 127.0.0.1", "  port: 0",
                // the test farms are one loopback host: production politeness would pace them to a page a second
                "fetch:", "  host-delay: 0s", "  host-concurrency: 8", "") + String.join("\n", extra) + "\n");
        return new Deployment(prefix, config);
    }

    /** The configuration as a stage command would load it, pointing at {@code bootstrapServers}. */
    SpyglassConfig load(String bootstrapServers, Map<String, String> flags) {
        Map<String, String> all = new HashMap<>(flags);
        all.put("kafka.bootstrap.servers", bootstrapServers);
        return SpyglassConfig.load(config, Map.of(), all);
    }
}
