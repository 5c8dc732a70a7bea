package io.spyglass.ingest;

import io.spyglass.ingest.extract.SiteRules;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.model.settings.Key;
import io.spyglass.model.settings.SettingValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The ingest part of the configuration; its keys, with their defaults, are in {@code ingest.keys} next to this class.
 *
 * @param feedsFile     the feed list file, re-read when it changes (unless the feeds were given as a fixed list)
 * @param feedsInterval poll interval of feeds in {@code feedsFile} that set none
 * @param threads       feeds polled at the same time: the global bound on concurrent fetches
 * @param fetch         HTTP limits, manners and identity
 * @param limits        items taken per feed poll and text bytes kept per article
 * @param siteRules     per-site extraction overrides ({@code extract.sites.<host>.body|remove})
 */
public record IngestSettings(Path feedsFile, Duration feedsInterval, int threads, FetchSettings fetch, ItemLimits limits,
                             SiteRules siteRules) {
    /** The keys of this part, with their defaults. */
    public static final List<Key> KEYS = Key.table(IngestSettings.class, "ingest.keys");

    public IngestSettings {
        // in the order of the components
        Objects.requireNonNull(feedsFile, "feedsFile");
        Objects.requireNonNull(feedsInterval, "feedsInterval");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(siteRules, "siteRules");
    }

    /** Reads this part; {@code siteRules} come from the file's {@code extract.sites.*} keys. */
    public static IngestSettings from(SettingValues v, SiteRules siteRules) {
        return new IngestSettings(v.path("feeds.file"), v.duration("feeds.interval"), v.integer("ingest.threads", 1, 256),
                FetchSettings.from(v), ItemLimits.from(v), siteRules);
    }

    /** Every key at its default, no site rules. */
    public static IngestSettings defaults() {
        return from(SettingValues.defaults(KEYS), SiteRules.none());
    }

    /** These settings with {@code fetch}. */
    public IngestSettings withFetch(FetchSettings other) {
        return new IngestSettings(feedsFile, feedsInterval, threads, other, limits, siteRules);
    }

    /** These settings polling {@code n} feeds at the same time. */
    public IngestSettings withThreads(int n) {
        return new IngestSettings(feedsFile, feedsInterval, n, fetch, limits, siteRules);
    }

    /** These settings with {@code limits}. */
    public IngestSettings withLimits(ItemLimits other) {
        return new IngestSettings(feedsFile, feedsInterval, threads, fetch, other, siteRules);
    }

    /** These settings reading the feed list {@code file}, whose feeds default to {@code interval}. */
    public IngestSettings withFeedsFile(Path file, Duration interval) {
        return new IngestSettings(file, interval, threads, fetch, limits, siteRules);
    }
}
