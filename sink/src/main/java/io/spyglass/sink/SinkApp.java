package io.spyglass.sink;

import io.spyglass.model.DaemonThreads;
import io.spyglass.model.StreamsSettings;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
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
public final class SinkApp implements AutoCloseable {
    private final KafkaStreams streams;
    private final FileSink fileSink;
    private final WebhookSink webhookSink;
    private final SinkStats stats = new SinkStats();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private Thread fileThread;
    private Thread webhookThread;

    /**
     * @param fileGroup    consumer group of the file sink; its committed offsets say how far the file is written
     * @param out          the JSON-lines file to append stories to, or null for none
     * @param webhookGroup consumer group of the webhook sink
     * @param webhooks     where to post stories; none when {@link WebhookSettings#enabled()} is false
     * @param userAgent    User-Agent of the webhook requests
     */
    public SinkApp(Map<String, Object> kafka, String applicationId, String fileGroup, Topics topics, Path stateDir, Path out,
                   String webhookGroup, WebhookSettings webhooks, String userAgent) throws IOException {
        this(kafka, applicationId, fileGroup, topics, stateDir, out, webhookGroup, webhooks, userAgent, Retention.defaults());
    }

    /** As above, with stories kept and closed as {@code retention} says. */
    public SinkApp(Map<String, Object> kafka, String applicationId, String fileGroup, Topics topics, Path stateDir, Path out,
                   String webhookGroup, WebhookSettings webhooks, String userAgent, Retention retention) throws IOException {
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(kafka, applicationId, stateDir));
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedRecords.class.getName());
        props.put(OversizedRecords.DEAD_LETTER_TOPIC, topics.deadLetter());
        this.streams = new KafkaStreams(SinkTopology.build(topics, stats, retention), props);
        streams.setUncaughtExceptionHandler(e -> {
            failure.complete(e); // the same response as Streams' default, made visible to the process
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.fileSink = out == null ? null : new FileSink(kafka, fileGroup, topics.espionage(), out, stats);
        this.webhookSink = webhooks.enabled()
                ? new WebhookSink(kafka, webhookGroup, topics.espionage(), topics.deadLetter(), webhooks, userAgent, stats) : null;
    }

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
