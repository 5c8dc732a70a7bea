package io.spyglass.ingest;

import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.log.FeedStatusLog;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.FeedPoller;
import io.spyglass.model.DaemonThreads;
import io.spyglass.model.FeedStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FeedPoller} over the feed list: once, or each feed on its own adaptive schedule until closed. The
 * pool's size is the global bound on concurrent fetches. The list can be replaced while running (config reload,
 * feed ownership changes): new feeds start, removed ones stop, kept ones keep their state.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    /** First polls are spread over this much time so a restart does not hit every feed at once. */
    private static final Duration START_SPREAD = Duration.ofSeconds(5);

    private final FeedPoller poller;
    private final FeedStatusLog statusLog;
    private final Clock clock;
    private final ScheduledExecutorService pool;
    private final Map<URI, Scheduled> scheduled = new HashMap<>();
    /** Health records of feeds not scheduled yet, taken up when they are. */
    private final Map<URI, FeedStatus> resumed = new HashMap<>();
    private List<FeedSource> feeds;
    private boolean running;

    /** @param threads how many feeds are polled at the same time */
    public IngestService(FeedPoller poller, List<FeedSource> feeds, int threads, FeedStatusLog statusLog, Clock clock) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.feeds = List.copyOf(feeds);
        this.statusLog = Objects.requireNonNull(statusLog, "statusLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = Executors.newScheduledThreadPool(threads, DaemonThreads.numbered("spyglass-ingest-"));
    }

    /** Polls every feed once, in parallel, records each feed's status and returns when all are done. */
    public List<FeedPoll> pollOnce() throws InterruptedException {
        List<Future<FeedPoll>> futures = new ArrayList<>();
        for (FeedSource feed : currentFeeds()) {
            futures.add(pool.submit(() -> {
                FeedPoll poll = poller.poll(feed);
                statusLog.record(FeedState.initial(feed).after(poll, clock.instant()).status());
                return poll;
            }));
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

    private synchronized List<FeedSource> currentFeeds() {
        return feeds;
    }

    /** Schedules every feed, the first polls spread over the first few seconds. */
    public synchronized void start() {
        running = true;
        feeds.forEach(this::schedule);
        LOG.info("Polling {} feeds", feeds.size());
    }

    /** The latest health of each feed this instance polls, for those polled (or taken over) at least once. */
    public synchronized List<FeedStatus> statuses() {
        return scheduled.values().stream().map(s -> s.state.status()).filter(Objects::nonNull).toList();
    }

    /** True from {@link #start()} until {@link #close()}. */
    public synchronized boolean running() {
        return running;
    }

    /** The feeds polled now, in list order. */
    public synchronized List<FeedSource> feeds() {
        return feeds;
    }

    /**
     * Replaces the feed list: feeds no longer listed stop after any poll in progress, new ones are scheduled, and
     * feeds kept (by URL) keep their validators, interval and health, taking a changed name or interval.
     */
    public synchronized void replaceFeeds(Collection<FeedSource> next) {
        Map<URI, FeedSource> byUrl = new LinkedHashMap<>();
        next.forEach(f -> byUrl.put(f.url(), f));
        int added = 0;
        int removed = 0;
        for (var it = scheduled.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!byUrl.containsKey(e.getKey())) {
                e.getValue().cancel();
                it.remove();
                removed++;
            }
        }
        this.feeds = List.copyOf(byUrl.values());
        if (running) {
            for (FeedSource f : feeds) {
                Scheduled s = scheduled.get(f.url());
                if (s == null) {
                    schedule(f);
                    added++;
                } else {
                    s.source = f;
                }
            }
        }
        LOG.info("Feed list now has {} feeds ({} added, {} removed)", feeds.size(), added, removed);
    }

    /**
     * Takes {@code status} as the health record of its feed unless this service has polled the feed already: a feed
     * taken over from another instance, or polled before a restart, keeps counting its failures.
     */
    public synchronized void resume(FeedStatus status) {
        URI url = URI.create(status.url());
        Scheduled s = scheduled.get(url);
        if (s == null) {
            resumed.put(url, status);
        } else if (s.state.status() == null) {
            s.state = new FeedState(s.state.validators(), s.state.interval(), status);
        }
    }

    private void schedule(FeedSource feed) {
        Scheduled s = new Scheduled(feed, resumed.remove(feed.url()));
        scheduled.put(feed.url(), s);
        long spread = Math.min(feed.interval().toMillis(), START_SPREAD.toMillis());
        s.next = pool.schedule(() -> run(s), ThreadLocalRandom.current().nextLong(spread + 1), TimeUnit.MILLISECONDS);
    }

    private void run(Scheduled s) {
        Duration delay;
        FeedSource source;
        synchronized (this) {
            if (s.cancelled) {
                return;
            }
            source = s.source;
        }
        try {
            FeedPoll poll = poller.poll(source, s.state.validators());
            s.state = s.state.after(poll, clock.instant());
            synchronized (this) {
                // a feed taken off the list while it was being polled gets no status after its removal
                if (s.cancelled) {
                    return;
                }
            }
            delay = FeedState.jitter(s.state.nextDelay(poll.retryAfter()), ThreadLocalRandom.current().nextDouble());
            statusLog.record(s.state.status().withNextAttempt(clock.instant().plus(delay)));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a task that throws is never run again: a bug on one feed's path, a document that recursion in a
            // library cannot cope with, or a heap exhausted for a moment must not end its polling for good (the
            // poller reports its own out-of-memory failures as the feed's status; this is for the rest of the task)
            LOG.error("Polling {} failed unexpectedly; trying again in {}", source.url(), source.interval(), e);
            delay = source.interval();
        }
        synchronized (this) {
            if (!s.cancelled && !pool.isShutdown()) {
                s.next = pool.schedule(() -> run(s), delay.toMillis(), TimeUnit.MILLISECONDS);
                LOG.debug("Next poll of {} in {}", source.url(), delay);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            scheduled.values().forEach(Scheduled::cancel);
            scheduled.clear();
        }
        if (!DaemonThreads.shutdown(pool, Duration.ofSeconds(30))) {
            LOG.warn("Ingest workers did not stop within 30 s");
        }
    }

    /** One feed's schedule; fields guarded by the service's lock, except state, touched only by its own task. */
    private static final class Scheduled {
        FeedSource source;
        volatile FeedState state;
        ScheduledFuture<?> next;
        boolean cancelled;

        Scheduled(FeedSource source, FeedStatus resumed) {
            this.source = source;
            FeedState initial = FeedState.initial(source);
            this.state = resumed == null ? initial : new FeedState(initial.validators(), initial.interval(), resumed);
        }

        void cancel() {
            cancelled = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
