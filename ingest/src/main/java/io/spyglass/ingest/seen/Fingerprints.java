package io.spyglass.ingest.seen;

import io.spyglass.ingest.feed.FeedItem;

/**
 * 64-bit fingerprints that tell whether a feed entry or an article's text changed. Whitespace differences are not
 * changes.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** Fingerprint of a feed entry as the feed lists it: title, date and the entry's own text. */
    public static long entry(FeedItem item) {
        return hash(normalise(item.title()) + '\u0000' + item.published() + '\u0000' + normalise(item.content()));
    }

    /** Fingerprint of an article's title and text: what a reader sees change between revisions. */
    public static long text(String title, String text) {
        return hash(normalise(title) + '\u0000' + normalise(text));
    }

    private static String normalise(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static long hash(String s) {
        // the first 64 bits of SHA-256, never 0, as the seen ids are kept
        return SeenIds.key(CanonicalUrl.sha256(s));
    }
}
