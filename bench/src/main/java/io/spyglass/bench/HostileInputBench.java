package io.spyglass.bench;

import com.sun.net.httpserver.HttpHandler;
import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.HostThrottle;
import io.spyglass.ingest.log.ArticleLog;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.FeedPoller;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Article;
import io.spyglass.testkit.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each hostile feed or page of issue 17 once from a loopback server, through the production fetcher, parser,
 * extractor and caps (10 MiB bodies, 500 items a poll), and logs the outcome and the peak heap it took.
 */
public final class HostileInputBench {
    private static final Logger LOG = LoggerFactory.getLogger(HostileInputBench.class);
    private static final long FIFTY_MB = 50L * 1000 * 1000;
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String ARTICLE = "The ministry said the intrusion began in March and that the attackers read "
            + "diplomatic mail for months before anyone noticed, according to the report the agency published.";

    private HostileInputBench() {
    }

    /** One hostile case: a name and the path polled as a feed. */
    private record Case(String name, String feedPath) {
    }

    public static void main(String[] args) throws Exception {
        Duration timeout = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 30);
        // closed at the end: the server's dispatcher thread is not a daemon, and a case that dies must not leave the
        // JVM running
        try (LocalServer server = LocalServer.start()) {
            run(server, timeout);
        }
    }

    private static void run(LocalServer server, Duration timeout) throws IOException {
        String base = "http://127.0.0.1:" + server.port();
        serveHostile(server, base);

        Clock clock = Clock.systemUTC();
        Fetcher fetcher = new Fetcher(FetchSettings.defaults().withUserAgent("SpyglassBench/1 (+https://example.com)")
                .withTimeouts(Duration.ofSeconds(10), timeout).withSizeLimits(MAX_BYTES, 5)
                .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 2, Duration.ZERO, false),
                new HostThrottle(2, Duration.ZERO), clock);
        List<Case> cases = List.of(new Case("gzip bomb (64 MiB of zeros, 64 KiB sent)", "/bomb"),
                new Case("slow drip (1 byte / 100 ms)", "/drip"),
                new Case("50 MB feed, chunked", "/huge"),
                new Case("50 MB article page", "/feed-big-page"),
                new Case("page nested 100,000 levels", "/feed-deep-page"),
                new Case("billion laughs feed", "/laughs"),
                new Case("XXE feed", "/xxe"),
                new Case("feed of 100,000 items", "/flood"));
        LOG.info("fetch.max-bytes {} bytes, fetch.timeout {} s, max heap {} MiB", MAX_BYTES, timeout.toSeconds(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (Case c : cases) {
            CountingLog articles = new CountingLog();
            FeedPoller poller = new FeedPoller(fetcher, null, ArticleExtractor.withDefaults(), articles, new IngestStats(), clock,
                    ItemLimits.defaults());
            long before = settledHeap();
            resetPeaks();
            long start = System.nanoTime();
            FeedPoll poll = poller.poll(new FeedSource(URI.create(base + c.feedPath()), c.name(), Duration.ofMinutes(5)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("{}: ok={} error={} message=\"{}\" items={} published={} in {} ms; heap before {} MiB, peak {} MiB",
                    c.name(), poll.ok(), poll.errorKind(), poll.error(), poll.items(), articles.published.get(), millis,
                    before >> 20, peakHeap() >> 20);
        }
    }

    private static void serveHostile(LocalServer server, String base) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        server.serve("/bomb", 200, "application/rss+xml", zipped.toByteArray(), "Content-Encoding", "gzip");
        server.serveDrip("/drip", Duration.ofMillis(100));
        // the feed without a Content-Length (chunked), so only counting can stop it; the page with one
        server.handle("/huge", filler("application/rss+xml", -1, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>", ' '));
        server.serve("/feed-big-page", 200, "application/rss+xml", rss(base + "/big").getBytes(StandardCharsets.UTF_8));
        server.handle("/big", filler("text/html", FIFTY_MB, "", 'x'));
        server.serve("/feed-deep-page", 200, "application/rss+xml", rss(base + "/deep").getBytes(StandardCharsets.UTF_8));
        server.serve("/deep", 200, "text/html; charset=utf-8",
                ("<html><body>" + "<div>".repeat(100_000) + "<p>" + ARTICLE + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
                + "<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
        server.serve("/laughs", 200, "application/rss+xml", laughs.getBytes(StandardCharsets.UTF_8));
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
        server.serve("/xxe", 200, "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
        StringBuilder flood = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flood</title>");
        for (int i = 0; i < 100_000; i++) {
            flood.append("<item><title>S").append(i).append("</title><link>/s").append(i).append("</link></item>");
        }
        server.serve("/flood", 200, "application/rss+xml", flood.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code prefix}, then {@code fill} up to 50 MB; {@code length} -1 sends no Content-Length. */
    private static HttpHandler filler(String contentType, long length, String prefix, char fill) {
        byte[] chunk = String.valueOf(fill).repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, length < 0 ? 0 : length);
            OutputStream out = exchange.getResponseBody();
            byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            for (long sent = head.length; sent < FIFTY_MB; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, FIFTY_MB - sent));
            }
        };
    }

    private static String rss(String link) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile</title><item><title>Story</title><link>"
                + link + "</link><description>Feed text.</description></item></channel></rss>";
    }

    /** Heap in use after a full collection. */
    private static long settledHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of each heap pool's peak since the reset: an upper bound, as the pools need not peak at once. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Counts what would be published; nothing is ever seen before. */
    private static final class CountingLog implements ArticleLog {
        final AtomicInteger published = new AtomicInteger();

        @Override
        public ItemState state(String id) {
            return null;
        }

        @Override
        public void publish(Article article, ItemState state) {
            published.incrementAndGet();
        }

        @Override
        public void remember(String id, String url, ItemState state) {
            // nothing to remember: every case runs once
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
