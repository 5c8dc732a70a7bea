package io.spyglass.ingest.poll;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.ingest.feed.ItemWindow;
import io.spyglass.ingest.feed.ParsedFeed;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.RobotsCache;
import io.spyglass.ingest.log.ArticleLog;
import io.spyglass.ingest.poll.IngestStats.Count;
import io.spyglass.ingest.poll.PollOutcome.ErrorKind;
import io.spyglass.model.FeedRef;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetches and parses it, then fetches, extracts and publishes every item not seen before, and publishes
 * a seen item again as its next revision when its feed entry changed and its page's text did too.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final IngestStats stats;
    private final ItemLimits limits;
    private final FeedReader reader;
    private final ItemPublisher items;
    private final FeedBacklog backlog;

    /**
     * @param robots robots.txt rules checked before each page fetch, or null to fetch pages without asking
     * @param limits at most this much is taken from each feed and article
     */
    public FeedPoller(Fetcher fetcher, RobotsCache robots, ArticleExtractor extractor, ArticleLog log, IngestStats stats,
                      Clock clock, ItemLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.reader = new FeedReader(fetcher, stats, clock);
        this.items = new ItemPublisher(fetcher, robots, extractor, log, stats, clock, limits);
        this.backlog = new FeedBacklog(limits.maxItemsPerFeed());
    }

    /** Polls {@code source} once, unconditionally. */
    public FeedPoll poll(FeedSource source) {
        return poll(source, CacheValidators.NONE);
    }

    /**
     * Polls {@code source} once with a conditional GET. Never throws: every failure is logged and returned in the
     * result. The result carries new validators only when every item was dealt with, so that an item that could not
     * be stored is met again on the next poll rather than hidden behind a 304.
     */
    public FeedPoll poll(FeedSource source, CacheValidators validators) {
        long start = System.nanoTime();
        try {
            ItemWindow window = backlog.window(source.url());
            FeedReader.Read read = reader.read(source, validators, window);
            if (read.result() != null) {
                return read.result();
            }
            return publish(source, validators, read, window);
        } catch (OutOfMemoryError e) {
            return outOfMemory(stats, source, validators, start, e);
        }
    }

    /**
     * The result of a poll that ran out of heap. The poll's garbage is unreachable once it is abandoned, so the JVM
     * usually recovers and the other feeds go on; the feed is reported, and logged at ERROR, since only a larger heap
     * (or smaller caps) makes it work, and it is retried with the usual backoff.
     */
    private static FeedPoll outOfMemory(IngestStats stats, FeedSource source, CacheValidators validators, long start,
                                        OutOfMemoryError e) {
        stats.add(Count.FEEDS_FAILED);
        String message = "ran out of heap memory while polling the feed (" + e.getMessage() + "); the poll was given up. "
                + "Give ingest a larger heap (-Xmx) or lower fetch.max-bytes or ingest.max-items-per-feed";
        LOG.error("Feed {} failed (OUT_OF_MEMORY): {}", source.url(), message, e);
        return new FeedPoll(source, new PollOutcome.Failed(ErrorKind.OUT_OF_MEMORY, message, null), 0,
                FeedReader.millisSince(start), validators, null, null);
    }

    /**
     * Fetches and parses {@code source} once, publishing nothing: what {@code spyglass feeds check} reports.
     * Never throws.
     */
    public static FeedPoll check(Fetcher fetcher, FeedSource source, Clock clock) {
        long start = System.nanoTime();
        IngestStats stats = new IngestStats();
        try {
            FeedReader.Read read = new FeedReader(fetcher, stats, clock).read(source, CacheValidators.NONE,
                    ItemWindow.of(ItemLimits.defaults().maxItemsPerFeed(), 0));
            if (read.result() != null) {
                return read.result();
            }
            return new FeedPoll(source, new PollOutcome.Polled(itemCount(read.feed()), 0, null, null),
                    read.response().status(), FeedReader.millisSince(read.start()), CacheValidators.of(read.response()),
                    read.feed().newestItem(), read.linkedFeed());
        } catch (OutOfMemoryError e) {
            return outOfMemory(stats, source, CacheValidators.NONE, start, e);
        }
    }

    /** The feed's items with a link, read or not. */
    private static int itemCount(ParsedFeed feed) {
        return feed.items().size() + feed.notRead();
    }

    private FeedPoll publish(FeedSource source, CacheValidators validators, FeedReader.Read read, ItemWindow window) {
        ParsedFeed feed = read.feed();
        int published = 0;
        boolean complete = true;
        FeedRef ref = new FeedRef(source.url().toString(), source.name() != null ? source.name() : feed.title());
        // a feed may list one article twice, under different entries: one look at it a poll is enough
        Set<String> polled = new HashSet<>();
        ItemProblems problems = new ItemProblems();
        int max = limits.maxItemsPerFeed();
        List<FeedItem> order = backlog.order(feed);
        int worked = 0;
        int next = 0;
        for (; next < order.size() && worked < max; next++) {
            FeedItem item = order.get(next);
            try {
                ItemPublisher.Result result = items.publishIfNew(item, ref, polled, problems);
                switch (result) {
                    case PUBLISHED -> published++;
                    case DEFERRED -> complete = false;
                    case SEEN -> { }
                }
                if (result != ItemPublisher.Result.SEEN) {
                    worked++;
                }
            } catch (ItemPublisher.PollCancelled e) {
                LOG.info("Feed {}: poll cancelled after {} new articles ({}); the rest waits for the next poll", source.url(),
                        published, e.getCause().getMessage());
                PollOutcome cancelled = new PollOutcome.Cancelled(itemCount(feed), published,
                        "poll cancelled (ingest stopping) after " + published + " new articles: " + e.getCause().getMessage());
                return new FeedPoll(source, cancelled, 200, FeedReader.millisSince(read.start()), validators,
                        feed.newestItem(), read.linkedFeed());
            } catch (ArticleLog.PublishException e) {
                worked++;
                complete = false;
                problems.failed(ErrorKind.STORE, "could not store " + item.link() + " (retried on the next poll): " + e.getMessage());
                LOG.warn("Feed {}: could not store {}; it will be retried on the next poll: {}", source.url(), item.link(), e.getMessage());
            } catch (RuntimeException e) {
                worked++;
                LOG.warn("Feed {}: skipped item {}: {}", source.url(), item.link(), e.toString());
            }
        }
        int total = itemCount(feed);
        complete &= backlog.settle(source.url(), feed, window, total, worked, next, order.size(), problems);
        long millis = FeedReader.millisSince(read.start());
        LOG.info("Polled {}: {} items, {} new, in {} ms", source.url(), total, published, millis);
        PollOutcome outcome = new PollOutcome.Polled(total, published, problems.kind(), problems.message());
        return new FeedPoll(source, outcome, 200, millis, complete ? CacheValidators.of(read.response()) : validators,
                feed.newestItem(), read.linkedFeed());
    }
}
