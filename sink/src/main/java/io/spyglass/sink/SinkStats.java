package io.spyglass.sink;

import io.spyglass.model.Counts;

/** Running counts of what the sink delivered. */
public final class SinkStats extends Counts<SinkStats.Count> {

    /** What the sink counts. */
    public enum Count {
        /** Story versions written to the espionage topic. */
        STORIES_EMITTED,
        /** Enriched records dropped unread because their header says they are not espionage. */
        RECORDS_SKIPPED,
        /** Stories appended to the {@code --out} file. */
        FILE_LINES_WRITTEN,
        /** Story versions every webhook took. */
        WEBHOOK_POSTS,
        /** Stories merged into another, once a later report showed the two to be one event. */
        STORIES_MERGED,
        /** Records and stories the sink sent to the dead-letter topic. */
        DEAD_LETTERED
    }

    public SinkStats() {
        super(Count.class);
    }
}
