package io.spyglass.sink;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the sink delivered. */
public final class SinkStats {
    final AtomicLong stories = new AtomicLong();
    final AtomicLong linesWritten = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong webhookPosts = new AtomicLong();

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

    public long deadLettered() {
        return deadLettered.get();
    }
}
