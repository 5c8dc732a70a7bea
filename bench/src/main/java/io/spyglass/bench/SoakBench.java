package io.spyglass.bench;

import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichSettings;
import io.spyglass.enrich.EnrichStats;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.IngestSettings;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkSettings;
import io.spyglass.sink.SinkStats;
import io.spyglass.sink.SinkTopology;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak: the whole pipeline (ingest, enrich, sink on an embedded KRaft broker in this JVM) for a set time against
 * {@link SoakFarm}'s 1,000 changing loopback feeds, with the broker stopped and started again twice on its port and
 * log directory. Samples heap and resident memory, and at the end checks on the topics that every article ingest
 * accepted and enrich tagged espionage is in exactly one story. Not part of the user CLI.
 *
 * <pre>java -Xmx1g -cp bench/target/spyglass-bench-all.jar io.spyglass.bench.SoakBench [minutes] [feeds] [dir]</pre>
 */
public final class SoakBench {
    private static final Logger LOG = LoggerFactory.getLogger(SoakBench.class);
    /** The soak's deployment: groups prefix {@code soak}, the default topics and retention. */
    private static final ClusterSettings DEPLOYMENT = ClusterSettings.defaults().withGroupPrefix("soak");
    static final String ENRICH_ID = DEPLOYMENT.enrichApplicationId();
    static final String SINK_ID = DEPLOYMENT.sinkApplicationId();
    private static final int HOSTS = 50;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private final Topics topics = Topics.defaults();
    private final Path dir;
    private final Duration duration;
    private final int feeds;
    private volatile EmbeddedKafka kafka;
    private int port;
    private final List<SoakReport.Sample> samples = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final long started = System.currentTimeMillis();

    private SoakBench(Path dir, Duration duration, int feeds) {
        this.dir = dir;
        this.duration = duration;
        this.feeds = feeds;
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 30);
        int feeds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("spyglass-soak");
        new SoakBench(dir, duration, feeds).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        int farmPort = freePort();
        int refusedPort = freePort();
        Process farm = startFarm(farmPort, refusedPort);
        try {
            kafka = EmbeddedKafka.start(dir, 0);
            port = kafka.port();
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            createTopics(client);
            soak(client, farmPort, refusedPort);
        } finally {
            farm.getOutputStream().close();
            farm.destroy();
            farm.waitFor(10, TimeUnit.SECONDS);
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    private Process startFarm(int port, int refusedPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SoakFarm.class.getName(), Integer.toString(port), Integer.toString(refusedPort), Integer.toString(HOSTS),
                Long.toString(started))
                .redirectError(dir.resolve("farm.log").toFile()).start();
        String line = new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        if (!line.startsWith("ready")) {
            throw new IllegalStateException("the feed farm did not start: " + line);
        }
        LOG.info("Feed farm serving {} feeds on 127.0.0.1-{}:{} (refused-connection feeds on {})", feeds, HOSTS, port, refusedPort);
        return p;
    }

    private void createTopics(Map<String, Object> client) throws Exception {
        Map<String, Map<String, String>> configs = Retention.defaults().topicConfigs(topics);
        try (Admin admin = Admin.create(client)) {
            List<NewTopic> all = topics.all().stream().map(t -> new NewTopic(t, 3, (short) -1).configs(configs.get(t))).toList();
            admin.createTopics(all).all().get(60, TimeUnit.SECONDS);
        }
    }

    private List<FeedSource> feedSources(int farmPort, int refusedPort, Duration interval) {
        List<FeedSource> sources = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            boolean refused = SoakFixtures.kind(i) == SoakFixtures.Kind.REFUSED;
            String host = refused ? "127.0.0.1" : "127.0.0." + (1 + i % HOSTS);
            sources.add(new FeedSource(URI.create("http://" + host + ":" + (refused ? refusedPort : farmPort) + "/f/" + i),
                    "Soak outlet " + i, interval));
        }
        return sources;
    }

    private void soak(Map<String, Object> client, int farmPort, int refusedPort) throws Exception {
        Path state = dir.resolve("streams");
        FetchSettings fetch = FetchSettings.defaults().withUserAgent("Spyglass-soak/1")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withSizeLimits(10 * 1024 * 1024, 3)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))), 4, Duration.ZERO, false);
        ClusterSettings cluster = DEPLOYMENT.withKafka(client);
        EnrichApp enrich = new EnrichApp(cluster, EnrichSettings.bundledTaxonomy(), state);
        SinkApp sink = new SinkApp(cluster, SinkSettings.defaults(), state, "Spyglass-soak/1");
        IngestApp ingest = new IngestApp(cluster, IngestSettings.defaults().withFetch(fetch).withThreads(16),
                feedSources(farmPort, refusedPort, Duration.ofSeconds(60)), "soak");
        enrich.failure().thenAccept(e -> event("enrich FAILED: " + e));
        sink.failure().thenAccept(e -> event("sink FAILED: " + e));
        ingest.failure().thenAccept(e -> event("ingest FAILED: " + e));
        enrich.start();
        sink.start();
        ingest.start();
        event("pipeline started, " + feeds + " feeds");
        long end = started + duration.toMillis();
        List<Long> restarts = new ArrayList<>(List.of(started + duration.toMillis() / 3, started + duration.toMillis() * 2 / 3));
        long nextSample = System.currentTimeMillis();
        while (System.currentTimeMillis() < end) {
            long now = System.currentTimeMillis();
            if (now >= nextSample) {
                sample(ingest, enrich, sink);
                nextSample += SAMPLE_EVERY.toMillis();
            }
            if (!restarts.isEmpty() && now >= restarts.get(0)) {
                restarts.remove(0);
                restartBroker();
            }
            Thread.sleep(1000);
        }
        event("duration over: stopping ingest");
        ingest.close();
        long ingested = ingest.stats().get(IngestStats.Count.ARTICLES_PRODUCED);
        awaitCaughtUp(client, Duration.ofMinutes(10));
        sample(ingest, enrich, sink);
        enrich.close();
        sink.close();
        SoakChecks.Check check = SoakChecks.check(client, topics);
        Map<String, Long> sizes = SoakChecks.sizes(client, state, topics);
        SoakReport soakReport = new SoakReport(started, duration, feeds, events, samples);
        String report = soakReport.render(ingest, enrich, sink, ingested, check, sizes);
        Files.writeString(dir.resolve("report.md"), report);
        soakReport.writeSamples(dir.resolve("samples.csv"));
        System.out.println(report);
    }

    private void event(String what) {
        String line = "+" + (System.currentTimeMillis() - started) / 1000 + " s: " + what;
        events.add(line);
        LOG.warn("SOAK {}", line);
    }

    private void restartBroker() throws InterruptedException {
        event("stopping the broker");
        kafka.close();
        Thread.sleep(OUTAGE.toMillis());
        kafka = EmbeddedKafka.start(dir, port);
        event("broker started again on port " + port + " after " + OUTAGE.toSeconds() + " s");
    }

    private void sample(IngestApp ingest, EnrichApp enrich, SinkApp sink) {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long old = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                old += pool.getCollectionUsage().getUsed();
            }
        }
        SoakReport.Sample s = new SoakReport.Sample((System.currentTimeMillis() - started) / 1000, heap.getUsed(),
                heap.getCommitted(), old, rss(),
                ingest.stats().get(IngestStats.Count.ARTICLES_PRODUCED), enrich.stats().get(EnrichStats.Count.ARTICLES_TAGGED),
                sink.stats().get(SinkStats.Count.STORIES_EMITTED));
        samples.add(s);
        LOG.warn("SOAK sample t={}s heap {} MiB (committed {} MiB, old gen after GC {} MiB) RSS {} MiB; published {}, tagged {}, "
                        + "story versions {}", s.second(), SoakReport.mib(s.heapUsed()), SoakReport.mib(s.heapCommitted()),
                SoakReport.mib(s.oldAfterGc()), SoakReport.mib(s.rss()), s.published(), s.tagged(), s.stories());
    }

    /** VmRSS of this process, in bytes. */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: no figure
        }
        return -1;
    }

    /** Waits until enrich and sink have committed the end of every topic they read. */
    private void awaitCaughtUp(Map<String, Object> client, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(client)) {
            while (!(SoakChecks.caughtUp(admin, ENRICH_ID, topics.articles()) && SoakChecks.caughtUp(admin, SINK_ID, topics.enriched())
                    && SoakChecks.caughtUp(admin, SINK_ID, SinkTopology.clusteringTopic(SINK_ID)))) {
                if (System.nanoTime() > deadline) {
                    event("enrich and sink did not catch up within " + timeout.toMinutes() + " min");
                    return;
                }
                Thread.sleep(2000);
            }
        }
        event("enrich and sink caught up");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
