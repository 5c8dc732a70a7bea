package io.spyglass.enrich;

import io.spyglass.model.Counts;

/** Running counts of what the enrich topology did. */
public final class EnrichStats extends Counts<EnrichStats.Count> {

    /** What enrich counts. */
    public enum Count {
        /** Articles tagged and written to the enriched topic. */
        ARTICLES_TAGGED,
        /** Tagged articles found to be about espionage. */
        ARTICLES_ESPIONAGE,
        /** Articles dropped because the same id and revision was tagged before. */
        DUPLICATES,
        /** Records enrich could not read, sent to the dead-letter topic. */
        DEAD_LETTERED
    }

    public EnrichStats() {
        super(Count.class);
    }
}
