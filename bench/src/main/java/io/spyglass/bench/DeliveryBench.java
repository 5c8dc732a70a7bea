package io.spyglass.bench;

import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichSettings;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Retention;
import io.spyglass.model.Story;
import io.spyglass.model.StreamsSettings;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkSettings;
import io.spyglass.sink.SinkTopology;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The delivery benchmark: a bare Kafka Streams passthrough against enrich + sink on the same 5 KB article
 * records, both exactly-once, on a fresh embedded broker, in one run.
 */
@Command(name = "DeliveryBench", mixinStandardHelpOptions = true,
        description = {"Measures a bare Kafka Streams passthrough and enrich+sink on the same ~5 KB article records",
                "(exactly-once both) on a fresh embedded broker and prints records/s, MB/s and p50/p99 latency."})
public final class DeliveryBench implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryBench.class);
    private static final int PARTITIONS = 3;
    /**
     * This bench holds every record in memory (~0.65 GB). On G1's small default initial heap that is over the 45%
     * occupancy that starts concurrent marking, so marking cycles ran one after the other and fell into some timed
     * phases and not others (30 µs of GC CPU per record against none), moving the passthrough by a quarter from run
     * to run; started with at least this much heap ({@code -Xms4g}), they do not.
     */
    private static final long INITIAL_HEAP_BYTES = 3L << 30;

    @Spec
    CommandSpec spec;

    /** Options as {@code --help} lists them; exits with the run's status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DeliveryBench()).execute(args));
    }

    @Option(names = "--records", paramLabel = "N", description = "Records for the throughput phase (default: 60000).")
    int records = 60_000;

    // the JIT compiles the broker's, the clients' and Streams' code for minutes on two cores: after 10,000 records
    // of warm-up, its compiler thread still took 30% of the JVM's CPU time in enrich + sink's timed phase
    @Option(names = "--warmup-records", paramLabel = "N", description = "Records sent before the timed phase (default: 60000).")
    int warmupRecords = 60_000;

    @Option(names = "--latency-records", paramLabel = "N", description = "Records for the latency phase (default: 2000).")
    int latencyRecords = 2_000;

    @Option(names = "--rate", paramLabel = "N", description = "Records per second in the latency phase (default: 200).")
    int rate = 200;

    @Option(names = "--enrich-threads", paramLabel = "N",
            description = "Stream threads of enrich (default: 1; kafka.num.stream.threads in a deployment).")
    int enrichThreads = 1;

    /** What one contender achieved. */
    record Result(String name, double recordsPerSecond, double megabytesPerSecond, long p50Millis, long p99Millis, int latencySamples,
                  List<Double> stageMicrosPerRecord, double processMicrosPerRecord, double jitMicrosPerRecord,
                  double gcMicrosPerRecord) {
    }

    /** A running contender: how to tell it has processed everything, and how to stop it. */
    private interface Stage extends AutoCloseable {
        boolean drained(TopicAdmin admin) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        long initialHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit();
        if (initialHeap < INITIAL_HEAP_BYTES) {
            LOG.warn("The JVM started with {} MB of heap: GC may take a share of some timed phases and not of others; "
                    + "start it with -Xms4g for figures comparable from run to run", initialHeap >> 20);
        }
        // the records are sent in minutes and stamped with the time they are sent, so the sink expires no story
        // (it does after 14 days of record time): it holds every story of the run, more than two weeks of news
        Instant now = Instant.now();
        Instant loadStart = now.minus(BenchRecords.span(latencyRecords)).minus(BenchRecords.span(records));
        List<byte[]> warmup = BenchRecords.generate(warmupRecords, "warm", 1, loadStart.minus(BenchRecords.span(warmupRecords)));
        List<byte[]> load = BenchRecords.generate(records, "load", 2, loadStart);
        List<byte[]> timed = BenchRecords.generate(latencyRecords, "lat", 3, now.minus(BenchRecords.span(latencyRecords)));
        double avgBytes = load.stream().mapToInt(b -> b.length).average().orElse(0);
        LOG.info("{} records of {} bytes on average", records, Math.round(avgBytes));
        Tagger tagger = Tagger.loadDefault();
        JsonSerde<Article> serde = new JsonSerde<>(Article.class);
        long tagStart = System.nanoTime();
        long espionage = 0;
        for (byte[] value : load) {
            Article a = serde.deserializer().deserialize("bench", value);
            if (tagger.tag(a.title(), a.text()).espionage()) {
                espionage++;
            }
        }
        double tagsPerSecond = load.size() / ((System.nanoTime() - tagStart) / 1e9);
        List<Result> results = new ArrayList<>();
        StorySummary stories;
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary("spyglass-bench-delivery");
             TopicAdmin admin = new TopicAdmin(client(kafka))) {
            Path dir = kafka.temporaryDirectory();
            Map<String, Object> client = client(kafka);
            Topics pass = topics("pass");
            admin.ensure(pass, PARTITIONS, Retention.defaults());
            results.add(measure("Streams passthrough (mapValues)", List.of("bench-pass-"), client, admin, pass.articles(),
                    pass.enriched(), () -> passthrough(client, pass, dir), warmup, load, timed, avgBytes));
            Topics pipe = topics("pipe");
            admin.ensure(pipe, PARTITIONS, Retention.defaults());
            results.add(measure("enrich + sink (tag, stories)", List.of("bench-enrich-", "bench-sink-"), client, admin,
                    pipe.articles(), pipe.espionage(), () -> pipeline(client, pipe, dir, enrichThreads), warmup, load, timed,
                    avgBytes));
            stories = StorySummary.read(client, pipe.espionage());
        }
        print(results, avgBytes, tagsPerSecond, (double) espionage / load.size(), stories, initialHeap);
        return 0;
    }

    private static Map<String, Object> client(EmbeddedKafka kafka) {
        return Map.of("bootstrap.servers", kafka.bootstrapServers());
    }

    private static Topics topics(String prefix) {
        return new Topics("bench-" + prefix + ".articles", "bench-" + prefix + ".enriched", "bench-" + prefix + ".espionage",
                "bench-" + prefix + ".dead-letter", "bench-" + prefix + ".seen", "bench-" + prefix + ".feed-status");
    }

    private static Stage passthrough(Map<String, Object> client, Topics topics, Path dir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.articles(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(v -> v)
                .to(topics.enriched(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties props = new Properties();
        props.putAll(StreamsSettings.of(client, "bench-pass", dir.resolve("streams")));
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        return new Stage() {
            @Override
            public boolean drained(TopicAdmin admin) throws Exception {
                return admin.caughtUp("bench-pass", topics.articles());
            }

            @Override
            public void close() {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }
        };
    }

    private static Stage pipeline(Map<String, Object> client, Topics topics, Path dir, int enrichThreads) throws Exception {
        Map<String, Object> enrichClient = new HashMap<>(client);
        enrichClient.put("num.stream.threads", enrichThreads);
        ClusterSettings cluster = ClusterSettings.defaults().withGroupPrefix("bench").withTopics(topics);
        EnrichApp enrich = new EnrichApp(cluster.withKafka(enrichClient), EnrichSettings.bundledTaxonomy(), dir.resolve("streams"));
        SinkApp sink = new SinkApp(cluster.withKafka(client), SinkSettings.defaults(), dir.resolve("streams"), "bench");
        enrich.start();
        sink.start();
        return new Stage() {
            @Override
            public boolean drained(TopicAdmin admin) throws Exception {
                return admin.caughtUp("bench-enrich", topics.articles()) && admin.caughtUp("bench-sink", topics.enriched())
                        && admin.caughtUp("bench-sink", SinkTopology.clusteringTopic("bench-sink"));
            }

            @Override
            public void close() {
                sink.close();
                enrich.close();
            }
        };
    }

    private interface StageFactory {
        Stage start() throws Exception;
    }

    /**
     * Warms the stage up, then times {@code load} from the first send until the stage has committed all of it, then
     * sends {@code timed} at {@link #rate} per second and measures produce-to-output latency of what reaches {@code out}.
     */
    private Result measure(String name, List<String> threadPrefixes, Map<String, Object> client, TopicAdmin admin, String in,
                           String out, StageFactory factory,
                           List<byte[]> warmup, List<byte[]> load, List<byte[]> timed, double avgBytes) throws Exception {
        LOG.info("Measuring {}", name);
        try (Stage stage = factory.start(); KafkaProducer<String, byte[]> producer = producer(client)) {
            send(producer, in, warmup);
            awaitDrained(stage, admin);
            // a clean heap for each contender's timed phase (see INITIAL_HEAP_BYTES)
            System.gc();
            CpuClock cpu = CpuClock.start(threadPrefixes);
            long start = System.nanoTime();
            send(producer, in, load);
            awaitDrained(stage, admin);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuClock spent = cpu.stop();
            List<Long> latencies = latencies(client, producer, in, out, timed);
            Collections.sort(latencies);
            return new Result(name, load.size() / seconds, load.size() * avgBytes / seconds / 1e6,
                    percentile(latencies, 0.50), percentile(latencies, 0.99), latencies.size(),
                    spent.stageNanos().stream().map(n -> n / 1e3 / load.size()).toList(), spent.processNanos() / 1e3 / load.size(),
                    spent.jitNanos() < 0 ? Double.NaN : spent.jitNanos() / 1e3 / load.size(),
                    spent.gcNanos() < 0 ? Double.NaN : spent.gcNanos() / 1e3 / load.size());
        }
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("acks", "all");
        config.put("batch.size", 256 * 1024);
        config.put("linger.ms", 5);
        config.put("compression.type", "lz4");
        config.put("key.serializer", StringSerializer.class);
        config.put("value.serializer", ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, List<byte[]> values) {
        for (int i = 0; i < values.size(); i++) {
            producer.send(new ProducerRecord<>(topic, Integer.toString(i), values.get(i)));
        }
        producer.flush();
    }

    private static void awaitDrained(Stage stage, TopicAdmin admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (!stage.drained(admin)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stage did not finish within 15 minutes");
            }
            Thread.sleep(50);
        }
    }

    /** Sends {@code timed} at the configured rate and returns the latency in ms of each output record it caused. */
    private List<Long> latencies(Map<String, Object> client, KafkaProducer<String, byte[]> producer, String in, String out,
                                 List<byte[]> timed) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("group.id", "bench-latency-" + out);
        config.put("isolation.level", "read_committed");
        config.put("auto.offset.reset", "latest");
        config.put("key.deserializer", StringDeserializer.class);
        config.put("value.deserializer", ByteArrayDeserializer.class);
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(out));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            int sent = 0;
            long lastOutput = System.nanoTime();
            // records from the load phase are all committed already, so everything read now was caused by these sends
            while (sent < timed.size() || System.nanoTime() - lastOutput < TimeUnit.SECONDS.toNanos(5)) {
                while (sent < timed.size() && System.nanoTime() - start >= sent * intervalNanos) {
                    producer.send(new ProducerRecord<>(in, "lat-" + sent, timed.get(sent)));
                    sent++;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                    latencies.add(System.currentTimeMillis() - r.timestamp());
                    lastOutput = System.nanoTime();
                }
            }
        }
        return latencies;
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** What enrich + sink wrote to the stories topic over the whole run: story records, stories, sources per story. */
    record StorySummary(long records, int stories, double meanSources, int maxSources, double meanBytes) {
        static StorySummary read(Map<String, Object> client, String topic) {
            Map<String, Object> config = new HashMap<>(client);
            config.put("isolation.level", "read_committed");
            config.put("key.deserializer", StringDeserializer.class);
            config.put("value.deserializer", ByteArrayDeserializer.class);
            Map<String, Integer> sources = new HashMap<>();
            long records = 0;
            long bytes = 0;
            JsonSerde<Story> serde = new JsonSerde<>(Story.class);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        records++;
                        bytes += r.value().length;
                        sources.put(r.key(), serde.deserializer().deserialize(topic, r.value()).sources().size());
                    }
                }
            }
            return new StorySummary(records, sources.size(), sources.values().stream().mapToInt(i -> i).average().orElse(0),
                    sources.values().stream().mapToInt(i -> i).max().orElse(0), records == 0 ? 0 : (double) bytes / records);
        }
    }

    private void print(List<Result> results, double avgBytes, double tagsPerSecond, double espionageShare, StorySummary stories,
                       long initialHeap) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d records of %.0f bytes (throughput) after %d to warm up, %d at %d/s (latency), %d partitions, "
                + "exactly_once_v2, lz4, enrich threads %d, initial heap %d MB%n%n", records, avgBytes, warmupRecords,
                latencyRecords, rate, PARTITIONS, enrichThreads, initialHeap >> 20);
        out.println("| path | records/s | MB/s | p50 latency | p99 latency | latency samples | stream threads' CPU per record "
                + "| whole JVM's CPU per record | of which the JIT compiler's | of which GC's |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            double stage = r.stageMicrosPerRecord().stream().mapToDouble(Double::doubleValue).sum();
            String parts = r.stageMicrosPerRecord().size() < 2 ? ""
                    : r.stageMicrosPerRecord().stream().map(m -> String.format("%.0f", m)).collect(Collectors.joining(" + ", " (", ")"));
            out.printf("| %s | %.0f | %.1f | %d ms | %d ms | %d | %.0f µs%s | %.0f µs | %.0f µs | %.0f µs |%n", r.name(),
                    r.recordsPerSecond(), r.megabytesPerSecond(), r.p50Millis(), r.p99Millis(), r.latencySamples(),
                    stage, parts, r.processMicrosPerRecord(), r.jitMicrosPerRecord(), r.gcMicrosPerRecord());
        }
        out.printf("%nenrich + sink / passthrough: %.0f%%%n", 100 * results.get(1).recordsPerSecond() / results.get(0).recordsPerSecond());
        out.printf("tagger alone (deserialise + tag, one thread, no Kafka): %.0f records/s; %.0f%% tagged espionage%n",
                tagsPerSecond, 100 * espionageShare);
        out.printf("stories topic: %d records (story versions) of %.0f bytes on average, %d stories, %.1f sources per story (max %d)%n",
                stories.records(), stories.meanBytes(), stories.stories(), stories.meanSources(), stories.maxSources());
        out.flush();
    }
}
