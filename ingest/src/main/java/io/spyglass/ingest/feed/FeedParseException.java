package io.spyglass.ingest.feed;

/** A feed body that is not a readable RSS or Atom document. */
public final class FeedParseException extends Exception {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
