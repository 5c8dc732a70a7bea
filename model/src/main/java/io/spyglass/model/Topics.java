package io.spyglass.model;

import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.model.settings.SettingValues;
import java.util.List;

/**
 * The names of Spyglass's topics; {@link #defaults()} gives the documented names, configuration may override each.
 *
 * @param articles   {@link Article} records from ingest, keyed by article id; compacted, so the latest revision of
 *                   every article stays for {@code retag} to tag again
 * @param enriched   every {@link EnrichedArticle}, keyed by article id; compacted, so a new subscriber reads the
 *                   latest tagging of every article
 * @param espionage  the espionage stories, keyed by id; compacted
 * @param deadLetter records no stage could process, with the error, source topic, partition and offset in headers
 * @param seen       ids of feed items ingest has produced; compacted, so a restart never fetches them again
 * @param feedStatus one {@link FeedStatus} per feed, keyed by feed URL; compacted
 */
public record Topics(String articles, String enriched, String espionage, String deadLetter, String seen,
                     String feedStatus) {
    public Topics {
        Fields.required("articles", articles, "enriched", enriched, "espionage", espionage, "deadLetter", deadLetter,
                "seen", seen, "feedStatus", feedStatus);
    }

    /** The documented default names, from the key table of {@link ClusterSettings}. */
    public static Topics defaults() {
        return ClusterSettings.defaults().topics();
    }

    /** The names the {@code topics.*} keys give. */
    public static Topics from(SettingValues v) {
        return new Topics(v.text("topics.articles"), v.text("topics.enriched"), v.text("topics.espionage"),
                v.text("topics.dead-letter"), v.text("topics.seen"), v.text("topics.feed-status"));
    }

    /** Every topic, for creating them. */
    public List<String> all() {
        return List.of(articles, enriched, espionage, deadLetter, seen, feedStatus);
    }

    /** The topics whose records are one per key and should be compacted. */
    public List<String> compacted() {
        return List.of(articles, enriched, espionage, seen, feedStatus);
    }
}
