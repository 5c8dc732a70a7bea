package io.spyglass.ingest.poll;

import io.spyglass.model.Counts;

/** Running counts of what ingest did, for the progress line, the end-of-run summary and the health endpoint. */
public final class IngestStats extends Counts<IngestStats.Count> {

    /** What ingest counts. */
    public enum Count {
        /** Feed polls that succeeded (fetched and parsed, or not modified). */
        FEEDS_POLLED,
        /** Feed polls that failed (fetch error, HTTP status or parse error). */
        FEEDS_FAILED,
        /** Articles written to the articles topic, revisions included. */
        ARTICLES_PRODUCED,
        /** Articles written again as a new revision; also counted in {@link #ARTICLES_PRODUCED}. */
        ARTICLES_REVISED,
        /** Article pages that could not be fetched or used; the feed's text was used. */
        PAGES_FAILED,
        /** Feed items skipped because they were produced before. */
        ITEMS_ALREADY_SEEN,
        /** Seen items whose feed entry changed and whose page was fetched again, but whose text had not changed. */
        ITEMS_UNCHANGED,
        /** Articles whose text was cut to {@code ingest.max-text-bytes} before they were stored. */
        ARTICLES_TRUNCATED,
        /** Articles Kafka refused as too large even after the cut: marked seen without the article. */
        ARTICLES_TOO_LARGE,
        /** Seen marks of items still listed written again, unchanged, so that the seen topic's retention keeps them. */
        MARKS_REFRESHED
    }

    public IngestStats() {
        super(Count.class);
    }
}
