package io.spyglass.sink;

import io.spyglass.model.DaemonThreads;
import io.spyglass.model.Stage;
import io.spyglass.model.StreamsSettings;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/** The sink stage wired to Kafka: {@link SinkTopology} in Kafka Streams, plus a {@link FileSink} when a file is given. */
public final class SinkApp implements Stage {
    private final KafkaStreams streams;
    private final FileSink fileSink;
    private final WebhookSink webhookSink;
    private final SinkStats stats = new SinkStats();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private Thread fileThread;
    private Thread webhookThread;

    /**
     * The sink stage of the deployment {@code cluster} describes.
     *
     * @param stateDir  where Kafka Streams keeps the story store
     * @param userAgent User-Agent of the webhook requests (ingest's {@code fetch.user-agent})
     */
    public SinkApp(ClusterSettings cluster, SinkSettings settings, Path stateDir, String userAgent) throws IOException {
        Topics topics = cluster.topics();
        Map<String, Object> kafka = cluster.kafka();
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(kafka, cluster.sinkApplicationId(), stateDir));
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedRecords.class.getName());
        props.put(OversizedRecords.DEAD_LETTER_TOPIC, topics.deadLetter());
        this.streams = new KafkaStreams(SinkTopology.build(topics, stats, cluster.retention()), props);
        streams.setUncaughtExceptionHandler(e -> {
            failure.complete(e); // the same response as Streams' default, made visible to the process
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.fileSink = settings.out() == null ? null
                : new FileSink(kafka, cluster.fileSinkGroup(), topics.espionage(), settings.out(), stats);
        this.webhookSink = settings.webhooks().enabled() ? new WebhookSink(kafka, cluster.webhookGroup(), topics.espionage(),
                topics.deadLetter(), settings.webhooks(), userAgent, stats) : null;
    }

    @Override
    public void start() {
        streams.start();
        if (fileSink != null) {
            fileThread = new Thread(reportingFailure(fileSink, failure), "spyglass-file-sink");
            fileThread.start();
        }
        if (webhookSink != null) {
            webhookThread = new Thread(reportingFailure(webhookSink, failure), "spyglass-webhook-sink");
            webhookThread.start();
        }
    }

    public SinkStats stats() {
        return stats;
    }

    /** The Streams state, for health checks. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Completes with the cause when a stream thread dies of an error the topology does not handle (records that
     * cannot be read go to the dead-letter topic instead), or when the file or webhook sink stops with one (the
     * stories file cannot be written: a full disk); the stage has then stopped delivering for good, and a restart
     * resumes each from its committed offsets.
     */
    @Override
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    /** {@code sink}, completing {@code failure} with what ends it by an exception rather than by {@code close}. */
    static Runnable reportingFailure(Runnable sink, CompletableFuture<Throwable> failure) {
        return () -> {
            try {
                sink.run();
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        };
    }

    @Override
    public void close() {
        stop(fileSink, fileThread);
        stop(webhookSink, webhookThread);
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }

    private static void stop(AutoCloseable sink, Thread thread) {
        if (sink == null) {
            return;
        }
        try {
            sink.close();
            if (thread != null) {
                DaemonThreads.join(thread, Duration.ofSeconds(30));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop " + sink.getClass().getSimpleName(), e);
        }
    }
}
