package io.spyglass.ingest.poll;

import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.ingest.feed.ItemWindow;
import io.spyglass.ingest.feed.ParsedFeed;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping of feeds with more items than a poll takes: which slice of its items a poll reads (see
 * {@link ItemWindow}), in which order it works them, and where the next poll goes on after it.
 */
final class FeedBacklog {
    // the poller's logger: its per-poll lines are configured (logback.xml) and shown under that one name
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final int maxItems;
    /**
     * Per feed with more items than a poll reads, the newest-first rank the next poll reads its backlog slice from;
     * feeds that fit in one window have no entry.
     */
    private final Map<URI, Integer> from = new ConcurrentHashMap<>();

    /** @param maxItems the most new or changed items a poll takes from one feed */
    FeedBacklog(int maxItems) {
        this.maxItems = maxItems;
    }

    /** The items the next poll of {@code feed} reads. */
    ItemWindow window(URI feed) {
        return ItemWindow.of(maxItems, from.getOrDefault(feed, 0));
    }

    /** The order a poll works the items read in. */
    List<FeedItem> order(ParsedFeed feed) {
        // within the cap, items in document order as always; past it, the newest first, so that the cap keeps the news
        return feed.items().size() > maxItems || feed.notRead() > 0 ? Limits.newestFirst(feed.items()) : feed.items();
    }

    /**
     * Records where the next poll of {@code url} goes on, after a poll that worked {@code worked} items and stopped
     * before rank {@code next} of the {@code ordered} it read; true when every item of the feed was dealt with, so that
     * the feed's validators may hide them. What waits is noted in {@code problems}.
     *
     * @param total the feed's items with a link, read or not
     */
    boolean settle(URI url, ParsedFeed feed, ItemWindow window, int total, int worked, int next, int ordered,
                   ItemProblems problems) {
        if (next < ordered) {
            // the rest are taken on later polls, once the newer ones are seen: the feed's validators must not hide them
            // ranks between the head and the backlog slice were worked through by earlier polls
            int passed = feed.notRead() > 0 ? window.from() - window.head() : 0;
            String note = "took " + worked + " new or changed items, the most a poll takes (ingest.max-items-per-feed); "
                    + Math.max(0, total - next - passed) + " older of the feed's " + total + " items wait for later polls";
            problems.lead(note);
            LOG.warn("Feed {}: {}", url, note);
            return false;
        }
        if (feed.notRead() > 0 && window.from() + window.size() < feed.listed()) {
            // every item read was dealt with and older ones were not read: the next poll reads the next slice of them
            from.put(url, window.from() + window.size());
            String note = Math.max(0, feed.listed() - window.from() - window.size()) + " older of the feed's " + total
                    + " items wait for later polls (a poll reads the " + window.head() + " newest and "
                    + window.size() + " older ones, twice ingest.max-items-per-feed)";
            problems.lead(note);
            LOG.info("Feed {}: {}", url, note);
            return false;
        }
        // the backlog's slices reached the feed's oldest item: the next poll starts again at the newest
        from.remove(url);
        return true;
    }
}
