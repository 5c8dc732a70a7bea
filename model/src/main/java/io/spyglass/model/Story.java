package io.spyglass.model;

import java.time.Instant;
import java.util.List;

/**
 * One cyber-espionage event as reported by one or more outlets; the value on the compacted {@code spyglass.espionage},
 * keyed by {@link #storyId()}. Each new source re-emits the story under the same key with {@link #version()} + 1.
 *
 * @param schemaVersion record format version, {@link #SCHEMA_VERSION} when written by this build
 * @param storyId       stable id, derived from the first article that reported the story; never null
 * @param version       1 when first seen, incremented by each added source; never lower than an earlier version of the
 *                      same id, even when the story starts again after it expired from the sink
 * @param title         title of the first article; never null
 * @param url           URL of the first article; never null
 * @param firstSeen     earliest publication time of the sources (fetch time where a source has none); never null
 * @param lastSeen      latest publication time of the sources (fetch time where a source has none); never null
 * @param tags          the union of the sources' tags, highest score, no evidence (evidence is per source); never null
 * @param sources       the articles that reported it, in arrival order; never empty
 * @param omittedSources further articles that reported it but are left out of {@code sources}, which would otherwise
 *                       take the record past its size limit; 0 in stories written before it was recorded
 * @param mergedInto    null while the story stands; in its last version, the id of the story it was merged into,
 *                      once a later report showed the two to be one event (that story has this one's sources now)
 */
public record Story(int schemaVersion, String storyId, int version, String title, String url, Instant firstSeen,
                    Instant lastSeen, Tags tags, List<StorySource> sources, int omittedSources, String mergedInto) {

    public static final int SCHEMA_VERSION = 1;

    public Story {
        Fields.required("storyId", storyId, "title", title, "url", url, "firstSeen", firstSeen, "lastSeen", lastSeen,
                "tags", tags, "sources", sources);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("sources must not be empty");
        }
        sources = List.copyOf(sources);
        if (omittedSources < 0) {
            throw new IllegalArgumentException("omittedSources must not be negative: " + omittedSources);
        }
    }

    /** A story as it stands, with every source listed. */
    public Story(int schemaVersion, String storyId, int version, String title, String url, Instant firstSeen,
                 Instant lastSeen, Tags tags, List<StorySource> sources) {
        this(schemaVersion, storyId, version, title, url, firstSeen, lastSeen, tags, sources, 0, null);
    }
}
