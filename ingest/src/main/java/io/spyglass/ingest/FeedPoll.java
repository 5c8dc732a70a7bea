package io.spyglass.ingest;

import io.spyglass.ingest.fetch.CacheValidators;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of polling one feed once.
 *
 * @param feed       the feed; never null
 * @param status     OK, NOT_MODIFIED (a 304 to the conditional GET) or ERROR; never null
 * @param httpStatus the feed response's HTTP status, 0 when none came
 * @param items      items in the feed
 * @param published  new articles published
 * @param error      what went wrong, or null when not an error
 * @param errorKind  class of the error (DNS, TIMEOUT, HTTP_STATUS, RATE_LIMITED, PARSE, ...), or null when not an error
 * @param millis     time the poll took
 * @param validators the validators to send with the next poll; never null
 * @param retryAfter how long the server asked us to wait, or null
 * @param newestItem the latest publication time among the feed's items, or null when it was not read or has none
 * @param linkedFeed the feed an HTML page at the configured URL announced, which was read in its place; else null
 */
public record FeedPoll(FeedSource feed, Status status, int httpStatus, int items, int published, String error,
                       String errorKind, long millis, CacheValidators validators, Duration retryAfter,
                       Instant newestItem, URI linkedFeed) {

    /** How a poll ended. */
    public enum Status { OK, NOT_MODIFIED, ERROR }

    public FeedPoll {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validators, "validators");
    }

    /** True unless the poll failed. */
    public boolean ok() {
        return status != Status.ERROR;
    }
}
