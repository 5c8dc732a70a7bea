package io.spyglass.ingest.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A feed as parsed: its own title and the items that have a usable link.
 *
 * @param title   the feed's title, or empty
 * @param items   entries with a link, in feed order; never null
 * @param skipped entries dropped because they had no usable link
 * @param notRead entries the parser did not build because they were outside its {@link ItemWindow}
 */
public record ParsedFeed(String title, List<FeedItem> items, int skipped, int notRead) {
    public ParsedFeed {
        title = title == null ? "" : title;
        items = List.copyOf(items);
        if (skipped < 0 || notRead < 0) {
            throw new IllegalArgumentException("skipped and notRead must not be negative: " + skipped + ", " + notRead);
        }
    }

    /** A feed read whole. */
    public ParsedFeed(String title, List<FeedItem> items, int skipped) {
        this(title, items, skipped, 0);
    }

    /** Entries the document lists, built or not. */
    public int listed() {
        return items.size() + skipped + notRead;
    }

    /** The latest publication time among the items, or null when none has one. */
    public Instant newestItem() {
        return items.stream().map(FeedItem::published).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
