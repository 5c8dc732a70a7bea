package io.spyglass.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what ingest did, for the progress line and the end-of-run summary. */
public final class IngestStats {
    final AtomicLong feedsPolled = new AtomicLong();
    final AtomicLong feedsFailed = new AtomicLong();
    final AtomicLong articlesPublished = new AtomicLong();
    final AtomicLong pagesFailed = new AtomicLong();
    final AtomicLong itemsAlreadySeen = new AtomicLong();

    public long feedsPolled() {
        return feedsPolled.get();
    }

    public long feedsFailed() {
        return feedsFailed.get();
    }

    public long articlesPublished() {
        return articlesPublished.get();
    }

    public long pagesFailed() {
        return pagesFailed.get();
    }

    public long itemsAlreadySeen() {
        return itemsAlreadySeen.get();
    }
}
