package io.spyglass.bench;

import com.sun.management.OperatingSystemMXBean;
import io.spyglass.ingest.IngestService;
import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.RobotsCache;
import io.spyglass.ingest.log.ArticleLog;
import io.spyglass.ingest.log.FeedStatusLog;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.FeedPoller;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.ingest.seen.ItemState;
import io.spyglass.ingest.seen.SeenIds;
import io.spyglass.model.Article;
import io.spyglass.model.FeedStatus;
import io.spyglass.model.JsonSerde;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest benchmark: starts a {@link FeedFarm} process, polls all its feeds once through the production
 * {@link IngestService}, {@link FeedPoller}, {@link Fetcher} (robots.txt on) and {@link ArticleExtractor}, serialising
 * every article to JSON as the Kafka log would, and prints articles/s, CPU per article and heap. Kafka itself is left
 * out (its producer ceiling is in shared/KAFKA-NOTES.md).
 *
 * <p>Arguments: feeds, items per feed, hosts, ingest threads, per-host concurrency.
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = Integer.parseInt(args[0]);
        int items = Integer.parseInt(args[1]);
        int hosts = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int hostConcurrency = Integer.parseInt(args[4]);
        Process farm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), FeedFarm.class.getName(), Integer.toString(items), Integer.toString(hosts))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader ready = new BufferedReader(new InputStreamReader(farm.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(ready.readLine().substring("READY ".length()));
            run(feeds, items, hosts, threads, hostConcurrency, port);
        } finally {
            farm.getOutputStream().close();
            farm.destroy();
        }
    }

    private static void run(int feeds, int items, int hosts, int threads, int hostConcurrency, int port) throws Exception {
        FetchSettings settings = FetchSettings.defaults().withUserAgent("SpyglassBench/1 (+https://example.com/bench)")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withSizeLimits(10L * 1024 * 1024, 5)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.0/8"))), hostConcurrency, Duration.ZERO, true);
        Fetcher fetcher = new Fetcher(settings, settings.newThrottle());
        CountingLog log = new CountingLog();
        FeedPoller poller = new FeedPoller(fetcher, new RobotsCache(fetcher, "spyglassbench", Clock.systemUTC()),
                ArticleExtractor.withDefaults(), log, new IngestStats(), Clock.systemUTC(), ItemLimits.defaults());
        List<FeedSource> sources = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            sources.add(new FeedSource(URI.create("http://127.0.0." + (1 + i % hosts) + ":" + port + "/feed/" + i), null,
                    Duration.ofMinutes(15)));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<FeedPoll> polls;
        try (IngestService service = new IngestService(poller, sources, threads, new NoStatus(), Clock.systemUTC())) {
            polls = service.pollOnce();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        long failedFeeds = polls.stream().filter(p -> !p.ok()).count();
        long peakHeap = 0;
        long peakAfterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
                if (pool.getCollectionUsage() != null) {
                    peakAfterGc = Math.max(peakAfterGc, pool.getCollectionUsage().getUsed());
                }
            }
        }
        System.gc();
        long liveAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "feeds=%d items/feed=%d hosts=%d threads=%d host-concurrency=%d max-heap=%d MB%n",
                feeds, items, hosts, threads, hostConcurrency, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "articles=%d (feeds failed: %d) in %.1f s = %.0f articles/s%n",
                log.published.get(), failedFeeds, seconds, log.published.get() / seconds);
        System.out.printf(Locale.ROOT, "CPU %.1f s = %.2f ms per article (%.0f%% of 2 cores); JSON bytes %d MB%n",
                cpuSeconds, 1000 * cpuSeconds / Math.max(1, log.published.get()), 100 * cpuSeconds / seconds / 2,
                log.bytes.get() >> 20);
        System.out.printf(Locale.ROOT, "heap: peak used (pools summed, garbage included) %d MB; live after full GC %d MB%n",
                peakHeap >> 20, liveAfter >> 20);
    }

    /** Remembers ids in the Kafka log's own compact table, and serialises each article as the Kafka log would. */
    private static final class CountingLog implements ArticleLog {
        private final SeenIds seen = new SeenIds();
        private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);
        final AtomicLong published = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        @Override
        public ItemState state(String id) {
            return seen.get(id);
        }

        @Override
        public void publish(Article article, ItemState state) {
            bytes.addAndGet(serde.serializer().serialize("spyglass.articles", article).length);
            seen.put(article.id(), state);
            published.incrementAndGet();
        }

        @Override
        public void remember(String id, String url, ItemState state) {
            seen.put(id, state);
        }

        @Override
        public void close() {
        }
    }

    private static final class NoStatus implements FeedStatusLog {
        @Override
        public void record(FeedStatus status) {
        }

        @Override
        public void forget(String url) {
        }

        @Override
        public void close() {
        }
    }
}
