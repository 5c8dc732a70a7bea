package io.spyglass.sink;

import io.spyglass.model.DaemonThreads;
import io.spyglass.model.StreamsSettings;
import io.spyglass.model.StreamsStage;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The sink stage wired to Kafka: {@link SinkTopology} in Kafka Streams, plus a {@link FileSink} when a file is given
 * and a {@link WebhookSink} when webhooks are. The stage fails when a stream thread dies of an error the topology does
 * not handle, or when the file or webhook sink stops with one (the stories file cannot be written: a full disk); a
 * restart resumes each from its committed offsets.
 */
public final class SinkApp extends StreamsStage<SinkStats> {
    private final FileSink fileSink;
    private final WebhookSink webhookSink;
    private Thread fileThread;
    private Thread webhookThread;

    /**
     * The sink stage of the deployment {@code cluster} describes.
     *
     * @param stateDir  where Kafka Streams keeps the story store
     * @param userAgent User-Agent of the webhook requests (ingest's {@code fetch.user-agent})
     * @throws IOException when the stories file cannot be opened; nothing the stage made is left open
     */
    public SinkApp(ClusterSettings cluster, SinkSettings settings, Path stateDir, String userAgent) throws IOException {
        this(cluster, settings, stateDir, userAgent, new SinkStats());
    }

    private SinkApp(ClusterSettings cluster, SinkSettings settings, Path stateDir, String userAgent, SinkStats stats)
            throws IOException {
        super(SinkTopology.build(cluster.topics(), stats, cluster.retention()), streamsSettings(cluster, stateDir), stats);
        Topics topics = cluster.topics();
        Map<String, Object> kafka = cluster.kafka();
        FileSink file = null;
        try {
            file = settings.out() == null ? null
                    : new FileSink(kafka, cluster.fileSinkGroup(), topics.espionage(), settings.out(), stats);
            this.webhookSink = settings.webhooks().enabled() ? new WebhookSink(kafka, cluster.webhookGroup(),
                    topics.espionage(), topics.deadLetter(), settings.webhooks(), userAgent, stats) : null;
        } catch (IOException | RuntimeException e) {
            // the Streams client exists already and holds threads and sockets: a stage that cannot be built closes it
            try {
                stop(file, null);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // the reason the stage could not be built is what the user must see
            }
            super.close();
            throw e;
        }
        this.fileSink = file;
    }

    /** The shared Streams settings, with records too large for the topic sent to the dead-letter topic. */
    private static Map<String, Object> streamsSettings(ClusterSettings cluster, Path stateDir) {
        Map<String, Object> props = new HashMap<>(StreamsSettings.of(cluster.kafka(), cluster.sinkApplicationId(), stateDir));
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizedRecords.class.getName());
        props.put(OversizedRecords.DEAD_LETTER_TOPIC, cluster.topics().deadLetter());
        return props;
    }

    @Override
    public void start() {
        super.start();
        if (fileSink != null) {
            fileThread = new Thread(reportingFailure(fileSink, failure()), "spyglass-file-sink");
            fileThread.start();
        }
        if (webhookSink != null) {
            webhookThread = new Thread(reportingFailure(webhookSink, failure()), "spyglass-webhook-sink");
            webhookThread.start();
        }
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
        super.close();
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
