package io.spyglass.model;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * A topology run by Kafka Streams as a {@link Stage}, the way enrich and sink run theirs: a stream thread that dies
 * of an error the topology does not handle fails the stage (records that cannot be read go to the dead-letter topic
 * instead), and closing leaves the group so that a restarted instance takes over at once.
 *
 * @param <S> the stage's counters, which its topology updates
 */
public class StreamsStage<S> implements Stage {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private final KafkaStreams streams;
    private final S stats;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

    /**
     * @param settings Streams properties, as {@link StreamsSettings#of} gives them plus any of the stage's own
     * @param stats    the counters {@code topology} updates
     */
    protected StreamsStage(Topology topology, Map<String, Object> settings, S stats) {
        this.stats = stats;
        Properties props = new Properties();
        props.putAll(settings);
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            failure.complete(e); // the same response as Streams' default, made visible to the process
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    @Override
    public void start() {
        streams.start();
    }

    /** The Streams state, for health checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The stage's counters. */
    public S stats() {
        return stats;
    }

    @Override
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }
}
