package io.spyglass.enrich;

import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Stage;
import io.spyglass.model.StreamsSettings;
import io.spyglass.model.settings.ClusterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich stage wired to Kafka: {@link EnrichTopology} in a {@link KafkaStreams} instance. */
public final class EnrichApp implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);
    private final KafkaStreams streams;
    private final EnrichStats stats = new EnrichStats();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

    /**
     * The enrich stage of the deployment {@code cluster} describes.
     *
     * @param stateDir where Kafka Streams keeps the dedupe store
     */
    public EnrichApp(ClusterSettings cluster, EnrichSettings settings, Path stateDir) {
        Tagger tagger = settings.tagger();
        LOG.info("Tagger {} loaded{}", tagger.version(),
                settings.taxonomy() != null && Files.exists(settings.taxonomy()) ? " with " + settings.taxonomy() : "");
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(cluster.kafka(), cluster.enrichApplicationId(), stateDir));
        this.streams = new KafkaStreams(EnrichTopology.build(cluster.topics(), tagger, stats, cluster.retention()), props);
        streams.setUncaughtExceptionHandler(e -> {
            failure.complete(e); // the same response as Streams' default, made visible to the process
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    @Override
    public void start() {
        streams.start();
    }

    public EnrichStats stats() {
        return stats;
    }

    /** The Streams state, for health checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Completes with the cause when a stream thread dies of an error the topology does not handle (records that
     * cannot be read go to the dead-letter topic instead); the stage has then stopped processing for good.
     */
    @Override
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    @Override
    public void close() {
        // leaving the group lets a restarted instance take over at once instead of after the session timeout
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
