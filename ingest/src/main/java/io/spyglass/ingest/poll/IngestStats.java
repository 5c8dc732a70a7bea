package io.spyglass.ingest.poll;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what ingest did, for the progress line and the end-of-run summary. */
public final class IngestStats {
    final AtomicLong feedsPolled = new AtomicLong();
    final AtomicLong feedsFailed = new AtomicLong();
    final AtomicLong articlesPublished = new AtomicLong();
    final AtomicLong pagesFailed = new AtomicLong();
    final AtomicLong itemsAlreadySeen = new AtomicLong();
    final AtomicLong articlesRevised = new AtomicLong();
    final AtomicLong itemsUnchanged = new AtomicLong();
    final AtomicLong articlesTruncated = new AtomicLong();
    final AtomicLong articlesTooLarge = new AtomicLong();
    final AtomicLong marksRefreshed = new AtomicLong();

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

    /** Articles published again as a new revision; also counted in {@link #articlesPublished()}. */
    public long articlesRevised() {
        return articlesRevised.get();
    }

    /** Seen items whose feed entry changed and whose page was fetched again, but whose text had not changed. */
    public long itemsUnchanged() {
        return itemsUnchanged.get();
    }

    /** Articles whose text was cut to {@code ingest.max-text-bytes} before they were stored. */
    public long articlesTruncated() {
        return articlesTruncated.get();
    }

    /** Articles Kafka refused as too large even after the cut: marked seen without the article. */
    public long articlesTooLarge() {
        return articlesTooLarge.get();
    }

    /** Seen marks of items still listed written again, unchanged, so that the seen topic's retention keeps them. */
    public long marksRefreshed() {
        return marksRefreshed.get();
    }
}
