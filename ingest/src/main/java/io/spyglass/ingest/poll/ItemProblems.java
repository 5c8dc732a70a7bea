package io.spyglass.ingest.poll;

import io.spyglass.ingest.poll.PollOutcome.ErrorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong with single items of a poll that succeeded, and notes about it, for the feed's status: the first
 * failure's class, and every message (a few, then a count), so feed-status shows a feed whose items fail.
 */
final class ItemProblems {
    private static final int MAX_MESSAGES = 3;
    private final List<String> messages = new ArrayList<>();
    private ErrorKind kind;
    private int more;

    void failed(ErrorKind errorKind, String message) {
        if (kind == null) {
            kind = errorKind;
        }
        note(message);
    }

    /** A note about the whole poll, shown before the items' messages. */
    void lead(String message) {
        messages.add(0, message);
    }

    void note(String message) {
        if (messages.size() < MAX_MESSAGES) {
            messages.add(message);
        } else {
            more++;
        }
    }

    /** The first failure's class, or null when no item failed. */
    ErrorKind kind() {
        return kind;
    }

    /** The messages joined, or null when there are none. */
    String message() {
        if (messages.isEmpty()) {
            return null;
        }
        return String.join("; ", messages) + (more > 0 ? "; and " + more + " more" : "");
    }
}
