package io.spyglass.ingest.poll;

import io.spyglass.ingest.fetch.FetchException;
import java.time.Duration;
import java.util.Objects;

/**
 * How one poll of one feed ended: the feed was read, it had not changed, the poll was cancelled part way, or it
 * failed. What a feed's status records ({@code errorClass}, {@code message}) is read from here and nowhere else.
 */
public sealed interface PollOutcome {

    /**
     * The class of what went wrong, written by its name to feed-status's {@code errorClass}: a fetch's (the
     * {@link FetchException.Kind}s), the feed's own ({@link #PARSE}, {@link #OUT_OF_MEMORY}) or single items' of a
     * poll that succeeded ({@link #RECORD_TOO_LARGE}, {@link #STORE}).
     */
    enum ErrorKind {
        DNS, FORBIDDEN_ADDRESS, CONNECT, TLS, TIMEOUT, HTTP_STATUS, TOO_LARGE, TOO_MANY_REDIRECTS, BAD_URL, IO,
        RATE_LIMITED, ROBOTS, CANCELLED,
        /** The body is not a feed that can be read. */
        PARSE,
        /** The poll ran out of heap and was given up. */
        OUT_OF_MEMORY,
        /** An item's article is larger than the broker takes; it was marked seen without it. */
        RECORD_TOO_LARGE,
        /** An item could not be stored; it is retried on the next poll. */
        STORE;

        /** The class of a failed fetch. */
        public static ErrorKind of(FetchException.Kind kind) {
            return switch (kind) {
                case DNS -> DNS;
                case FORBIDDEN_ADDRESS -> FORBIDDEN_ADDRESS;
                case CONNECT -> CONNECT;
                case TLS -> TLS;
                case TIMEOUT -> TIMEOUT;
                case HTTP_STATUS -> HTTP_STATUS;
                case TOO_LARGE -> TOO_LARGE;
                case TOO_MANY_REDIRECTS -> TOO_MANY_REDIRECTS;
                case BAD_URL -> BAD_URL;
                case IO -> IO;
                case RATE_LIMITED -> RATE_LIMITED;
                case ROBOTS -> ROBOTS;
                case CANCELLED -> CANCELLED;
            };
        }
    }

    /**
     * The feed was fetched and parsed.
     *
     * @param items     items in the feed with a link, read or not
     * @param published new articles and revisions published
     * @param itemError the class of the first failure of a single item, or null when none failed
     * @param note      the items' failures and notes about the poll (a text cut, items left for later), or null
     */
    record Polled(int items, int published, ErrorKind itemError, String note) implements PollOutcome {}

    /** The feed answered 304 to the conditional GET. */
    record NotModified() implements PollOutcome {}

    /**
     * The feed was read, but ingest stopped while its items were being worked through.
     *
     * @param items     items in the feed with a link
     * @param published articles published before the poll stopped
     * @param message   what stopped it
     */
    record Cancelled(int items, int published, String message) implements PollOutcome {}

    /**
     * The feed could not be fetched or read.
     *
     * @param kind       the class of the failure; never null
     * @param message    what went wrong
     * @param retryAfter how long the server asked us to wait, or null
     */
    record Failed(ErrorKind kind, String message, Duration retryAfter) implements PollOutcome {
        public Failed {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
