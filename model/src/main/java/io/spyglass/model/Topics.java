package io.spyglass.model;

/** Default names of Spyglass's topics; every one can be overridden in configuration. */
public final class Topics {
    /** {@link Article} records from ingest, keyed by article id. */
    public static final String ARTICLES = "spyglass.articles";
    /** Every {@link EnrichedArticle}, keyed by article id. */
    public static final String ENRICHED = "spyglass.enriched";
    /** The espionage stories, keyed by article id; compacted. */
    public static final String ESPIONAGE = "spyglass.espionage";
    /** Records no stage could process, with the error in headers. */
    public static final String DEAD_LETTER = "spyglass.dead-letter";
    /** Ids of feed items ingest has already produced; compacted, so a restart never fetches them again. */
    public static final String SEEN = "spyglass.seen";

    private Topics() {
    }
}
