package io.spyglass.model;

import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.model.settings.SettingValues;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long Spyglass keeps what it writes, so that no topic, store or changelog grows without bound. Each compacted
 * topic keyed by an id is {@code compact,delete}: compaction keeps the latest record of a key, and the broker deletes
 * segments older than the retention, so an id nobody wrote again within it goes.
 *
 * @param articles    {@code spyglass.articles} and {@code spyglass.enriched}: how far back {@code retag} and a new
 *                    subscriber can read
 * @param stories     {@code spyglass.espionage}, and the sink's store of closed stories' last versions, which must last
 *                    as long as the stories it continues
 * @param seen        {@code spyglass.seen} and ingest's memory of it: a mark not written again for this long is
 *                    forgotten (ingest writes a listed item's mark again after half of it, so only items their feeds
 *                    stopped listing expire); also enrich's dedupe store
 * @param deadLetter  {@code spyglass.dead-letter}, time to look at and replay a failed record
 * @param openStories how long a story nobody added to stays open in the sink's store
 * @param tombstones  how long a delete (tombstone) stays on a compacted topic or changelog before compaction removes it
 *                    ({@code delete.retention.ms}); a reader slower than this could miss a delete
 */
public record Retention(Duration articles, Duration stories, Duration seen, Duration deadLetter, Duration openStories,
                        Duration tombstones) {
    public Retention {
        positive(articles, "articles");
        positive(stories, "stories");
        positive(seen, "seen");
        positive(deadLetter, "deadLetter");
        positive(openStories, "openStories");
        positive(tombstones, "tombstones");
        if (openStories.compareTo(stories) > 0) {
            throw new IllegalArgumentException("openStories (" + openStories + ") must not exceed stories (" + stories
                    + "): a closed story's version must outlast the time it could be continued");
        }
    }

    /** The documented defaults, from the key table of {@link ClusterSettings}. */
    public static Retention defaults() {
        return ClusterSettings.defaults().retention();
    }

    /** The retention the {@code retention.*} keys give; open stories may not outlast stories. */
    public static Retention from(SettingValues v) {
        Duration open = v.positive("retention.open-stories");
        Duration stories = v.positive("retention.stories");
        if (open.compareTo(stories) > 0) {
            throw v.invalid("retention.open-stories", "(" + v.raw("retention.open-stories").strip()
                    + ") must not be longer than 'retention.stories' (" + v.raw("retention.stories").strip() + ")");
        }
        return new Retention(v.positive("retention.articles"), stories, v.positive("retention.seen"),
                v.positive("retention.dead-letter"), open, v.positive("retention.tombstones"));
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** The topic configuration each of {@code topics} is created with, by topic name, in {@link Topics#all()} order. */
    public Map<String, Map<String, String>> topicConfigs(Topics topics) {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put(topics.articles(), compactDelete(articles));
        configs.put(topics.enriched(), compactDelete(articles));
        configs.put(topics.espionage(), compactDelete(stories));
        configs.put(topics.deadLetter(), Map.of("cleanup.policy", "delete", "retention.ms", millis(deadLetter)));
        configs.put(topics.seen(), compactDelete(seen));
        // one record per configured feed, deleted by a tombstone when the feed leaves the list: compaction bounds it
        configs.put(topics.feedStatus(), Map.of("cleanup.policy", "compact", "delete.retention.ms", millis(tombstones)));
        return configs;
    }

    /**
     * The configuration of a state store's changelog: compacted, as Kafka Streams makes it, with deletes kept
     * {@link #tombstones}; the store's own expiry writes the deletes that bound it.
     */
    public Map<String, String> changelogConfig() {
        return Map.of("cleanup.policy", "compact", "delete.retention.ms", millis(tombstones));
    }

    private Map<String, String> compactDelete(Duration retention) {
        return Map.of("cleanup.policy", "compact,delete", "retention.ms", millis(retention),
                "delete.retention.ms", millis(tombstones));
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
