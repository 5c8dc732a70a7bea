package io.spyglass.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The Kafka Streams settings every Spyglass Streams stage shares. */
public final class StreamsSettings {
    private static final int COMMIT_INTERVAL_MS = 200;

    private StreamsSettings() {
    }

    /**
     * Streams properties for the stage {@code applicationId}: exactly-once v2, lz4 and batches sized for
     * article records (the 16 KB default batch holds three of them), state under {@code stateDir}.
     * Entries of {@code clientConfig} (bootstrap servers, security, any {@code kafka.*} key) win.
     */
    public static Map<String, Object> of(Map<String, Object> clientConfig, String applicationId, Path stateDir) {
        Map<String, Object> props = new HashMap<>();
        props.put("application.id", applicationId);
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("state.dir", stateDir.toAbsolutePath().toString());
        props.put("commit.interval.ms", COMMIT_INTERVAL_MS);
        props.put("producer.compression.type", "lz4");
        props.put("producer.batch.size", 256 * 1024);
        // exactly-once output is visible only when its transaction commits, and a commit sends what lingers, so
        // lingering up to the commit interval costs no latency; a shorter linger only cuts batches of a few records,
        // each with its own compressor and buffers (a fifth of enrich's time in a profile, docs/BENCHMARKS.md)
        props.put("producer.linger.ms", COMMIT_INTERVAL_MS);
        props.put("consumer.auto.offset.reset", "earliest");
        props.putAll(clientConfig);
        return props;
    }
}
