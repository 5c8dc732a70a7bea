package io.spyglass.ingest;

/**
 * The result of polling one feed once.
 *
 * @param feed      the feed
 * @param ok        true when the feed was fetched and parsed
 * @param items     items in the feed
 * @param published new articles published
 * @param error     what went wrong, or null when ok
 * @param errorKind class of the error (DNS, TIMEOUT, HTTP_STATUS, PARSE, ...), or null when ok
 * @param millis    time the poll took
 */
public record FeedPoll(FeedSource feed, boolean ok, int items, int published, String error, String errorKind, long millis) {
}
