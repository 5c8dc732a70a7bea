package io.spyglass.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The health of one feed after its latest poll; the value on the compacted {@code spyglass.feed-status} topic,
 * keyed by the feed URL. A feed that answers but has gone quiet (a publisher that stopped updating it, a block page
 * served as an empty feed) shows in {@code newestItem} and {@code lastNewArticle}, which an error class cannot tell.
 *
 * @param schemaVersion       record format version, {@link #SCHEMA_VERSION} when written by this build
 * @param url                 the feed URL as configured; never null
 * @param lastAttempt         when the feed was last polled; never null
 * @param lastSuccess         when it was last fetched and parsed (or answered 304); null if never
 * @param httpStatus          the HTTP status of the last attempt, 0 when no response came
 * @param itemsSeen           items in the feed at the last success
 * @param consecutiveFailures failed polls since the last success
 * @param errorClass          class of the last error (DNS, TLS, TIMEOUT, HTTP_STATUS, RATE_LIMITED, PARSE, TOO_LARGE, ...),
 *                            or of a failure of single items of a poll that succeeded (RECORD_TOO_LARGE, STORE); null
 *                            when nothing failed
 * @param message             what went wrong, or a note about a successful poll (a text cut, items left for later
 *                            polls); null when there is nothing to say
 * @param newestItem          the latest publication time among the feed's items when it was last read; null when none
 *                            of them has a date or it was never read
 * @param lastNewArticle      when this feed last gave an article ingest had not published before; null if never
 * @param nextAttempt         when ingest will poll it next (jitter and back-off included); null when no poll is
 *                            scheduled ({@code run --once}) or in records written before it was recorded
 */
public record FeedStatus(int schemaVersion, String url, Instant lastAttempt, Instant lastSuccess, int httpStatus,
                         int itemsSeen, int consecutiveFailures, String errorClass, String message, Instant newestItem,
                         Instant lastNewArticle, Instant nextAttempt) {
    public static final int SCHEMA_VERSION = 1;

    public FeedStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }

    /** This status with the time of the next poll. */
    public FeedStatus withNextAttempt(Instant next) {
        return new FeedStatus(schemaVersion, url, lastAttempt, lastSuccess, httpStatus, itemsSeen, consecutiveFailures,
                errorClass, message, newestItem, lastNewArticle, next);
    }
}
