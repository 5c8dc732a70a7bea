package io.spyglass.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link FeedPoller} over the feed list: once, or on each feed's interval until closed. */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final FeedPoller poller;
    private final List<FeedSource> feeds;
    private final ScheduledExecutorService pool;

    /** @param threads how many feeds are polled at the same time */
    public IngestService(FeedPoller poller, List<FeedSource> feeds, int threads) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.feeds = List.copyOf(feeds);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "spyglass-ingest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls every feed once, in parallel, and returns when all are done. */
    public List<FeedPoll> pollOnce() throws InterruptedException {
        List<Future<FeedPoll>> futures = new ArrayList<>();
        for (FeedSource feed : feeds) {
            futures.add(pool.submit(() -> poller.poll(feed)));
        }
        List<FeedPoll> results = new ArrayList<>();
        for (Future<FeedPoll> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("FeedPoller.poll never throws", e.getCause());
            }
        }
        return results;
    }

    /** Schedules every feed on its interval, the first polls spread over the first few seconds. */
    public void start() {
        for (FeedSource feed : feeds) {
            long intervalMs = feed.interval().toMillis();
            // jitter spreads feeds of the same interval so they do not all hit the network at once
            long firstMs = ThreadLocalRandom.current().nextLong(Math.min(intervalMs, 5_000) + 1);
            pool.scheduleWithFixedDelay(() -> pollGuarded(feed), firstMs, intervalMs, TimeUnit.MILLISECONDS);
        }
        LOG.info("Polling {} feeds", feeds.size());
    }

    /**
     * A scheduled task that throws is silently never run again, so a bug on one feed's path must not escape
     * and end that feed's polling for the life of the process.
     */
    private void pollGuarded(FeedSource feed) {
        try {
            poller.poll(feed);
        } catch (RuntimeException e) {
            LOG.error("Polling {} failed unexpectedly; it is retried on its next interval", feed.url(), e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Ingest workers did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
