package io.spyglass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.ingest.FeedSource;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.IngestConfig;
import io.spyglass.ingest.ItemLimits;
import io.spyglass.ingest.extract.SiteRules;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Json;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkTopology;
import io.spyglass.sink.WebhookSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
    private static final String ENRICH_ID = "soak-enrich";
    private static final String SINK_ID = "soak-sink";
    private static final int HOSTS = 50;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private final Topics topics = Topics.defaults();
    private final Path dir;
    private final Duration duration;
    private final int feeds;
    private volatile EmbeddedKafka kafka;
    private int port;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final long started = System.currentTimeMillis();

    private SoakBench(Path dir, Duration duration, int feeds) {
        this.dir = dir;
        this.duration = duration;
        this.feeds = feeds;
    }

    /** One sample of the process's memory and the stages' counters. */
    record Sample(long second, long heapUsed, long heapCommitted, long oldAfterGc, long rss, long published, long tagged,
                  long stories) {
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
        FetchSettings fetch = new FetchSettings("Spyglass-soak/1", Duration.ofSeconds(5), Duration.ofSeconds(10), 10 * 1024 * 1024,
                3, AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))), 4, Duration.ZERO, false);
        IngestConfig ingestConfig = new IngestConfig(client, topics, feedSources(farmPort, refusedPort, Duration.ofSeconds(60)),
                null, Duration.ofSeconds(60), fetch, SiteRules.none(), 16, "soak", ItemLimits.DEFAULTS, "soak-ingest",
                Retention.defaults().seen());
        EnrichApp enrich = new EnrichApp(client, ENRICH_ID, topics, state, null, Retention.defaults());
        SinkApp sink = new SinkApp(client, SINK_ID, SINK_ID + "-file", topics, state, null, SINK_ID + "-webhook",
                new WebhookSettings(List.of(), List.of(), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)), "Spyglass-soak/1",
                Retention.defaults());
        IngestApp ingest = new IngestApp(ingestConfig);
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
        long ingested = ingest.stats().articlesPublished();
        awaitCaughtUp(client, Duration.ofMinutes(10));
        sample(ingest, enrich, sink);
        enrich.close();
        sink.close();
        Check check = check(client);
        Map<String, Long> sizes = sizes(client, state);
        String report = report(ingest, enrich, sink, ingested, check, sizes);
        Files.writeString(dir.resolve("report.md"), report);
        writeSamples();
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
        Sample s = new Sample((System.currentTimeMillis() - started) / 1000, heap.getUsed(), heap.getCommitted(), old, rss(),
                ingest.stats().articlesPublished(), enrich.stats().tagged(), sink.stats().stories());
        samples.add(s);
        LOG.warn("SOAK sample t={}s heap {} MiB (committed {} MiB, old gen after GC {} MiB) RSS {} MiB; published {}, tagged {}, "
                        + "story versions {}", s.second(), mib(s.heapUsed()), mib(s.heapCommitted()), mib(s.oldAfterGc()),
                mib(s.rss()), s.published(), s.tagged(), s.stories());
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

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Waits until enrich and sink have committed the end of every topic they read. */
    private void awaitCaughtUp(Map<String, Object> client, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(client)) {
            while (!(caughtUp(admin, ENRICH_ID, topics.articles()) && caughtUp(admin, SINK_ID, topics.enriched())
                    && caughtUp(admin, SINK_ID, SinkTopology.clusteringTopic(SINK_ID)))) {
                if (System.nanoTime() > deadline) {
                    event("enrich and sink did not catch up within " + timeout.toMinutes() + " min");
                    return;
                }
                Thread.sleep(2000);
            }
        }
        event("enrich and sink caught up");
    }

    private static boolean caughtUp(Admin admin, String group, String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            if ((c == null ? 0 : c.offset()) < end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }

    /** Hands every committed record of {@code topic} to {@code each}, partition by partition; returns how many. */
    private static int readAll(Map<String, Object> client, String topic,
                               java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        config.put("max.partition.fetch.bytes", 4 * 1024 * 1024);
        int[] n = {0};
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                c.poll(Duration.ofMillis(500)).forEach(r -> {
                    n[0]++;
                    each.accept(r);
                });
            }
        }
        return n[0];
    }

    /** What the topics say at the end. */
    record Check(Map<String, Integer> records, int articles, int enrichedIds, int espionageIds, int deadLettered,
                 int storyVersions, int stories, int liveStories, int merged, int lost, int inEnrichOnly, int duplicated,
                 int versionConflicts, int omittedSources, int largestStory, List<String> lostIds) {
    }

    /** The last version of a story: its number, whether it was merged away, its source ids and omitted count. */
    private record Latest(int version, boolean merged, Set<String> sources, int omitted) {
    }

    private Check check(Map<String, Object> client) throws Exception {
        Map<String, Integer> records = new LinkedHashMap<>();
        Set<String> articleIds = new HashSet<>();
        records.put(topics.articles(), readAll(client, topics.articles(), r -> articleIds.add(r.key())));
        Set<String> enrichedIds = new HashSet<>();
        Set<String> espionage = new HashSet<>();
        records.put(topics.enriched(), readAll(client, topics.enriched(), r -> {
            enrichedIds.add(r.key());
            Header h = r.headers().lastHeader(EnrichedArticle.ESPIONAGE_HEADER);
            if (h != null && "true".equals(new String(h.value(), StandardCharsets.UTF_8))) {
                espionage.add(r.key());
            }
        }));
        Set<String> deadKeys = new HashSet<>();
        int dead = readAll(client, topics.deadLetter(), r -> deadKeys.add(r.key()));
        records.put(topics.deadLetter(), dead);
        // the latest version of each story, and any (id, version) written twice with different content
        Map<String, Latest> latest = new HashMap<>();
        Map<String, Integer> contentOf = new HashMap<>();
        int[] conflicts = {0};
        records.put(topics.espionage(), readAll(client, topics.espionage(), r -> {
            JsonNode story;
            try {
                story = Json.MAPPER.readTree(r.value());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            int version = story.get("version").asInt();
            Integer earlier = contentOf.put(r.key() + "#" + version, Arrays.hashCode(r.value()));
            if (earlier != null && earlier != Arrays.hashCode(r.value())) {
                conflicts[0]++;
            }
            Latest prev = latest.get(r.key());
            if (prev == null || prev.version() < version) {
                JsonNode into = story.get("mergedInto");
                Set<String> ids = new HashSet<>();
                story.get("sources").forEach(src -> ids.add(src.get("articleId").asText()));
                latest.put(r.key(), new Latest(version, into != null && !into.isNull(), ids,
                        story.path("omittedSources").asInt(0)));
            }
        }));
        Map<String, Integer> storiesOf = new HashMap<>();
        int live = 0;
        int merged = 0;
        int omitted = 0;
        int largest = 0;
        for (Latest story : latest.values()) {
            if (story.merged()) {
                merged++;
                continue;
            }
            live++;
            omitted += story.omitted();
            largest = Math.max(largest, story.sources().size());
            story.sources().forEach(id -> storiesOf.merge(id, 1, Integer::sum));
        }
        List<String> lostIds = espionage.stream().filter(id -> !storiesOf.containsKey(id)).sorted().toList();
        int duplicated = (int) storiesOf.values().stream().filter(k -> k > 1).count();
        int notEnriched = (int) articleIds.stream().filter(id -> !enrichedIds.contains(id) && !deadKeys.contains(id)).count();
        records.put(topics.seen(), readAll(client, topics.seen(), r -> { }));
        records.put(topics.feedStatus(), readAll(client, topics.feedStatus(), r -> { }));
        int versions = records.get(topics.espionage());
        return new Check(records, articleIds.size(), enrichedIds.size(), espionage.size(), dead, versions,
                latest.size(), live, merged, lostIds.size(), notEnriched, duplicated, conflicts[0], omitted, largest,
                lostIds.stream().limit(10).toList());
    }

    /** Bytes on the broker per topic of interest, and on disk per state store. */
    private Map<String, Long> sizes(Map<String, Object> client, Path state) throws Exception {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Admin admin = Admin.create(client)) {
            var dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get(30, TimeUnit.SECONDS).get(1);
            Map<String, Long> byTopic = new HashMap<>();
            dirs.values().forEach(d -> d.replicaInfos().forEach((tp, info) -> byTopic.merge(tp.topic(), info.size(), Long::sum)));
            for (String t : List.of(topics.seen(), topics.articles(), topics.enriched(), topics.espionage(),
                    ENRICH_ID + "-enrich-seen-ids-changelog", SINK_ID + "-sink-open-stories-changelog",
                    SINK_ID + "-sink-closed-stories-changelog")) {
                sizes.put("topic " + t, byTopic.getOrDefault(t, 0L));
            }
        }
        for (String store : List.of("enrich-seen-ids", "sink-open-stories", "sink-closed-stories")) {
            long bytes = 0;
            if (Files.exists(state)) {
                try (Stream<Path> walk = Files.walk(state)) {
                    List<Path> storeDirs = walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(store)).toList();
                    for (Path d : storeDirs) {
                        try (Stream<Path> files = Files.walk(d)) {
                            bytes += files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                        }
                    }
                }
            }
            sizes.put("store " + store, bytes);
        }
        return sizes;
    }

    private String report(IngestApp ingest, EnrichApp enrich, SinkApp sink, long ingested, Check c, Map<String, Long> sizes) {
        StringBuilder b = new StringBuilder();
        b.append("# Soak ").append(Instant.ofEpochMilli(started)).append(", ").append(duration.toMinutes()).append(" min, ")
                .append(feeds).append(" feeds\n\n");
        events.forEach(e -> b.append("- ").append(e).append('\n'));
        b.append("\n| topic | records on the topic (committed) |\n|---|---:|\n");
        c.records().forEach((t, n) -> b.append("| ").append(t).append(" | ").append(n).append(" |\n"));
        b.append("\n| stage counter | value |\n|---|---:|\n")
                .append("| ingest: articles published (revisions incl.) | ").append(ingested).append(" |\n")
                .append("| ingest: revisions | ").append(ingest.stats().articlesRevised()).append(" |\n")
                .append("| ingest: feed polls ok / failed | ").append(ingest.stats().feedsPolled()).append(" / ")
                .append(ingest.stats().feedsFailed()).append(" |\n")
                .append("| ingest: pages failed | ").append(ingest.stats().pagesFailed()).append(" |\n")
                .append("| enrich: tagged / espionage / duplicates dropped / dead-lettered | ").append(enrich.stats().tagged())
                .append(" / ").append(enrich.stats().espionage()).append(" / ").append(enrich.stats().duplicates()).append(" / ")
                .append(enrich.stats().deadLettered()).append(" |\n")
                .append("| sink: story versions / skipped unread / merged / dead-lettered | ").append(sink.stats().stories())
                .append(" / ").append(sink.stats().skipped()).append(" / ").append(sink.stats().merged()).append(" / ")
                .append(sink.stats().deadLettered()).append(" |\n");
        b.append("\n| check | value |\n|---|---:|\n")
                .append("| distinct articles accepted (spyglass.articles ids) | ").append(c.articles()).append(" |\n")
                .append("| of them enriched | ").append(c.enrichedIds()).append(" |\n")
                .append("| accepted, not enriched and not dead-lettered | ").append(c.inEnrichOnly()).append(" |\n")
                .append("| tagged espionage (ids) | ").append(c.espionageIds()).append(" |\n")
                .append("| stories (ids) / standing / merged away | ").append(c.stories()).append(" / ").append(c.liveStories())
                .append(" / ").append(c.merged()).append(" |\n")
                .append("| **stories lost**: espionage ids in no standing story | **").append(c.lost()).append("** ")
                .append(c.lostIds().isEmpty() ? "" : c.lostIds().toString()).append(" |\n")
                .append("| **duplicated**: ids in more than one standing story | **").append(c.duplicated()).append("** |\n")
                .append("| **duplicated**: a story version written twice with different content | **")
                .append(c.versionConflicts()).append("** |\n")
                .append("| sources left out for size (omittedSources) | ").append(c.omittedSources()).append(" |\n")
                .append("| largest standing story, sources | ").append(c.largestStory()).append(" |\n");
        double perThousand = Math.max(1, c.articles()) / 1000.0;
        b.append("\n| size | bytes | per 1,000 articles |\n|---|---:|---:|\n");
        sizes.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" | ")
                .append(Math.round(v / perThousand)).append(" |\n"));
        b.append("\n| t (s) | heap used MiB | heap committed MiB | old gen after GC MiB | RSS MiB | published | tagged | story versions |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            // every fourth sample, and the last: one line per two minutes
            if (i % 4 == 0 || i == samples.size() - 1) {
                b.append("| ").append(s.second()).append(" | ").append(mib(s.heapUsed())).append(" | ").append(mib(s.heapCommitted()))
                        .append(" | ").append(mib(s.oldAfterGc())).append(" | ").append(mib(s.rss())).append(" | ")
                        .append(s.published()).append(" | ").append(s.tagged()).append(" | ").append(s.stories()).append(" |\n");
            }
        }
        b.append('\n').append(rssGrowth()).append('\n');
        return b.toString();
    }

    /** RSS after the first sixth of the run (the warm-up) against the rest. */
    private String rssGrowth() {
        long warm = duration.toSeconds() / 6;
        List<Sample> after = samples.stream().filter(s -> s.second() >= warm && s.second() <= duration.toSeconds()).toList();
        if (after.size() < 2) {
            return "RSS growth: too few samples";
        }
        long first = after.get(0).rss();
        long last = after.get(after.size() - 1).rss();
        long max = after.stream().mapToLong(Sample::rss).max().orElse(first);
        long min = after.stream().mapToLong(Sample::rss).min().orElse(first);
        return String.format("RSS after warm-up (t >= %d s): first %d MiB, last %d MiB (%+.1f%%), min %d, max %d MiB "
                        + "(max over first %+.1f%%)", warm, mib(first), mib(last), 100.0 * (last - first) / first, mib(min),
                mib(max), 100.0 * (max - first) / first);
    }

    private void writeSamples() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("samples.csv"))) {
            out.write("second,heap_used,heap_committed,old_after_gc,rss,published,tagged,story_versions\n".getBytes(StandardCharsets.UTF_8));
            for (Sample s : samples) {
                out.write((s.second() + "," + s.heapUsed() + "," + s.heapCommitted() + "," + s.oldAfterGc() + "," + s.rss() + ","
                        + s.published() + "," + s.tagged() + "," + s.stories() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
