package io.spyglass.app.command;

import io.spyglass.app.Spyglass;
import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.HealthEndpoint;
import io.spyglass.app.health.IngestProbe;
import io.spyglass.app.health.ProcessHealth;
import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichStats;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkStats;
import io.spyglass.sink.SinkTopology;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spyglass run}: the whole pipeline in one process, on the embedded broker unless a cluster is given. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs ingest, enrich, sink and the web view in one process against the feeds in config/feeds.yaml. "
                + "Starts an embedded Kafka broker (KRaft) on localhost:9092 unless --bootstrap-servers is given. "
                + "Keeps polling until Ctrl-C; with --once, polls every feed once, waits until every item has "
                + "passed enrich and sink, prints a summary and exits."})
public final class RunCommand extends ConfiguredCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration ONCE_TIMEOUT = Duration.ofMinutes(10);

    @Mixin
    StageOptions.Polling polling;

    @Mixin
    StageOptions.DataDir dataDir;

    @Option(names = "--kafka-port", paramLabel = "N", description = "Port of the embedded broker; 0 picks a free one (default: 9092).")
    Integer kafkaPort;

    @Option(names = "--once", description = "Poll every feed once, wait until everything is delivered, then exit.")
    boolean once;

    @Mixin
    StageOptions.Out out;

    @Override
    public Integer call() throws Exception {
        SpyglassConfig config = common.load();
        List<FeedSource> feedList = Stages.feeds(config);
        long started = System.nanoTime();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        Thread hook = new Thread(() -> closeAll(running), "spyglass-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        IngestProbe ingestProbe = new IngestProbe();
        StreamsProbe<EnrichStats> enrichProbe = StreamsProbe.enrich();
        StreamsProbe<SinkStats> sinkProbe = StreamsProbe.sink();
        try {
            if (!once) {
                // pushed first, so closed last: it reports the stages' shutdown while they close
                HealthEndpoint.startOrWarn(config, new ProcessHealth(List.of(ingestProbe, enrichProbe, sinkProbe)))
                        .ifPresent(running::push);
            }
            if (config.usesEmbeddedBroker()) {
                EmbeddedKafka kafka = EmbeddedKafka.start(config.embedded().dataDir(), config.embedded().port());
                running.push(kafka);
                config = config.withBootstrapServers(kafka.bootstrapServers());
            }
            Commands.ensureTopics(config);
            EnrichApp enrich = Stages.enrich(config);
            running.push(enrich);
            enrichProbe.attach(enrich);
            SinkApp sink = Stages.sink(config);
            running.push(sink);
            sinkProbe.attach(sink);
            if (!once) {
                Stages.webOrWarn(config).ifPresent(running::push);
            }
            IngestApp ingest = Stages.ingest(config, feedList);
            running.push(ingest);
            enrich.start();
            sink.start();
            Progress progress = new Progress(ingest.stats(), enrich.stats(), sink.stats());
            running.push(progress);
            LOG.info("Spyglass started in {} ms; subscribe to {} on {}{}", (System.nanoTime() - started) / 1_000_000,
                    config.cluster().topics().espionage(), config.cluster().kafka().get("bootstrap.servers"), once ? ""
                            : ", or open http://" + config.web().address().getHostString() + ":" + config.web().address().getPort() + "/");
            if (once) {
                return runOnce(config, ingest, progress);
            }
            progress.start(15);
            ingest.start();
            ingestProbe.attach(ingest);
            // until Ctrl-C or SIGTERM (the hook closes everything and the JVM exits), or until a stage fails for good
            Throwable cause = (Throwable) CompletableFuture.anyOf(ingest.failure(), enrich.failure(), sink.failure()).join();
            LOG.error("A stage failed and stopped processing: {}; stopping Spyglass (exit status 1)", cause.toString());
            return 1;
        } finally {
            closeAll(running);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook is running or has run
            }
        }
    }

    private int runOnce(SpyglassConfig config, IngestApp ingest, Progress progress) throws Exception {
        List<FeedPoll> polls = ingest.pollOnce();
        long failed = polls.stream().filter(p -> !p.ok()).count();
        long deadline = System.nanoTime() + ONCE_TIMEOUT.toNanos();
        ClusterSettings cluster = config.cluster();
        try (TopicAdmin admin = new TopicAdmin(cluster.kafka())) {
            await(admin, cluster.enrichApplicationId(), cluster.topics().articles(), deadline);
            await(admin, cluster.sinkApplicationId(), cluster.topics().enriched(), deadline);
            await(admin, cluster.sinkApplicationId(), SinkTopology.clusteringTopic(cluster.sinkApplicationId()), deadline);
            if (config.sink().out() != null) {
                await(admin, cluster.fileSinkGroup(), cluster.topics().espionage(), deadline);
            }
            if (config.sink().webhooks().enabled()) {
                await(admin, cluster.webhookGroup(), cluster.topics().espionage(), deadline);
            }
        }
        LOG.info("Done: {} feeds ({} failed). {}", polls.size(), failed, progress.line());
        return 0;
    }

    private static void await(TopicAdmin admin, String group, String topic, long deadline) throws Exception {
        while (!admin.caughtUp(group, topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " did not finish " + topic + " within " + ONCE_TIMEOUT.toMinutes() + " minutes");
            }
            Thread.sleep(200);
        }
    }

    private static synchronized void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable c = running.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
