package io.spyglass.ingest.poll;

import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.CacheValidators;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of polling one feed once.
 *
 * @param feed       the feed; never null
 * @param outcome    how the poll ended; never null
 * @param httpStatus the feed response's HTTP status, 0 when none came
 * @param millis     time the poll took
 * @param validators the validators to send with the next poll; never null
 * @param newestItem the latest publication time among the feed's items, or null when it was not read or has none
 * @param linkedFeed the feed an HTML page at the configured URL announced, which was read in its place; else null
 */
public record FeedPoll(FeedSource feed, PollOutcome outcome, int httpStatus, long millis, CacheValidators validators,
                       Instant newestItem, URI linkedFeed) {

    /** How a poll ended, in short. */
    public enum Status { OK, NOT_MODIFIED, ERROR }

    public FeedPoll {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(validators, "validators");
    }

    /** OK when the feed was read, NOT_MODIFIED on a 304, else ERROR; never null. */
    public Status status() {
        if (outcome instanceof PollOutcome.Polled) {
            return Status.OK;
        }
        return outcome instanceof PollOutcome.NotModified ? Status.NOT_MODIFIED : Status.ERROR;
    }

    /** True unless the poll failed or was cancelled. */
    public boolean ok() {
        return status() != Status.ERROR;
    }

    /** Items in the feed, 0 when it was not read. */
    public int items() {
        if (outcome instanceof PollOutcome.Polled polled) {
            return polled.items();
        }
        return outcome instanceof PollOutcome.Cancelled cancelled ? cancelled.items() : 0;
    }

    /** New articles published. */
    public int published() {
        if (outcome instanceof PollOutcome.Polled polled) {
            return polled.published();
        }
        return outcome instanceof PollOutcome.Cancelled cancelled ? cancelled.published() : 0;
    }

    /** What went wrong, or a note about a poll that succeeded; null when there is nothing to say. */
    public String error() {
        if (outcome instanceof PollOutcome.Polled polled) {
            return polled.note();
        }
        if (outcome instanceof PollOutcome.Cancelled cancelled) {
            return cancelled.message();
        }
        return outcome instanceof PollOutcome.Failed failed ? failed.message() : null;
    }

    /** The name of the error's class (DNS, TIMEOUT, HTTP_STATUS, RATE_LIMITED, PARSE, ...), or null when none. */
    public String errorKind() {
        PollOutcome.ErrorKind kind = null;
        if (outcome instanceof PollOutcome.Polled polled) {
            kind = polled.itemError();
        } else if (outcome instanceof PollOutcome.Cancelled) {
            kind = PollOutcome.ErrorKind.CANCELLED;
        } else if (outcome instanceof PollOutcome.Failed failed) {
            kind = failed.kind();
        }
        return kind == null ? null : kind.name();
    }

    /** How long the server asked us to wait, or null. */
    public Duration retryAfter() {
        return outcome instanceof PollOutcome.Failed failed ? failed.retryAfter() : null;
    }
}
