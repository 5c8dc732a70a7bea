package io.spyglass.sink;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the sink delivered. */
public final class SinkStats {
    final AtomicLong stories = new AtomicLong();
    final AtomicLong linesWritten = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong webhookPosts = new AtomicLong();
    final AtomicLong merged = new AtomicLong();

    public long stories() {
        return stories.get();
    }

    public long linesWritten() {
        return linesWritten.get();
    }

    /** Story versions every webhook took. */
    public long webhookPosts() {
        return webhookPosts.get();
    }

    /** Enriched records dropped unread because their header says they are not espionage. */
    public long skipped() {
        return skipped.get();
    }

    /** Stories merged into another, once a later report showed the two to be one event. */
    public long merged() {
        return merged.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }
}
