package io.spyglass.ingest.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a parsed feed, mapped out of ROME's mutable types at the edge.
 *
 * @param link      absolute article URL, resolved against the feed URL; never null
 * @param title     whitespace-normalised title; never null, may be empty
 * @param published publication (else update) time, or null when the feed gave none
 * @param authors   author names; never null
 * @param content   the item's own text as HTML (content:encoded, Atom content, else description); never null
 */
public record FeedItem(URI link, String title, Instant published, List<String> authors, String content) {
    public FeedItem {
        Objects.requireNonNull(link, "link");
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        content = content == null ? "" : content;
    }
}
