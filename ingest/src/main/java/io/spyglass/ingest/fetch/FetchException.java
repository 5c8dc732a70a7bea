package io.spyglass.ingest.fetch;

/** A fetch that failed, with a class of error a person or a dashboard can act on. */
public final class FetchException extends Exception {
    /** The class of a fetch error. */
    public enum Kind {
        DNS, FORBIDDEN_ADDRESS, CONNECT, TLS, TIMEOUT, HTTP_STATUS, TOO_LARGE, TOO_MANY_REDIRECTS, BAD_URL, IO,
        /** The host answered 429 or 503, or is still backed off after doing so. */
        RATE_LIMITED,
        /** robots.txt disallows the URL. */
        ROBOTS,
        /** The fetch was stopped before it ended: its thread was interrupted or the fetcher closed (ingest stopping). */
        CANCELLED
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The class of error; never null. */
    public Kind kind() {
        return kind;
    }
}
