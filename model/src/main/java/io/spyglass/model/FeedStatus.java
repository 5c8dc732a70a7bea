package io.spyglass.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The health of one feed after its latest poll; the value on the compacted {@code spyglass.feed-status} topic,
 * keyed by the feed URL.
 *
 * @param url                 the feed URL as configured; never null
 * @param lastAttempt         when the feed was last polled; never null
 * @param lastSuccess         when it was last fetched and parsed (or answered 304); null if never
 * @param httpStatus          the HTTP status of the last attempt, 0 when no response came
 * @param itemsSeen           items in the feed at the last success
 * @param consecutiveFailures failed polls since the last success
 * @param errorClass          class of the last error (DNS, TLS, TIMEOUT, HTTP_STATUS, RATE_LIMITED, PARSE, TOO_LARGE, ...),
 *                            null when the last attempt succeeded
 * @param message             what went wrong, null when the last attempt succeeded
 */
public record FeedStatus(String url, Instant lastAttempt, Instant lastSuccess, int httpStatus, int itemsSeen,
                         int consecutiveFailures, String errorClass, String message) {
    public FeedStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }
}
