package io.spyglass.ingest.feed;

import java.util.List;

/**
 * A feed as parsed: its own title and the items that have a usable link.
 *
 * @param title   the feed's title, or empty
 * @param items   entries with a link, in feed order; never null
 * @param skipped entries dropped because they had no usable link
 */
public record ParsedFeed(String title, List<FeedItem> items, int skipped) {
    public ParsedFeed {
        title = title == null ? "" : title;
        items = List.copyOf(items);
    }
}
