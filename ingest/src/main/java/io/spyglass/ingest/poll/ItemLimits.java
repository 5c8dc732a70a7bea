package io.spyglass.ingest.poll;

import io.spyglass.ingest.IngestSettings;
import io.spyglass.model.settings.SettingValues;

/**
 * How much ingest takes from one feed poll and one article.
 *
 * @param maxItemsPerFeed items taken from one feed per poll, newest first where items have dates; the rest wait
 * @param maxTextBytes    UTF-8 bytes of an article's text kept; the text beyond is dropped before the record is written
 */
public record ItemLimits(int maxItemsPerFeed, int maxTextBytes) {
    /**
     * UTF-8 bytes of an article's title kept: a headline is a few hundred; a feed's title element can hold a page,
     * and every story version carries its sources' titles.
     */
    public static final int MAX_TITLE_BYTES = 2048;

    public ItemLimits {
        if (maxItemsPerFeed < 1) {
            throw new IllegalArgumentException("maxItemsPerFeed must be at least 1: " + maxItemsPerFeed);
        }
        if (maxTextBytes < 1) {
            throw new IllegalArgumentException("maxTextBytes must be at least 1: " + maxTextBytes);
        }
    }

    /** The limits the {@code ingest.max-*} keys give. */
    public static ItemLimits from(SettingValues v) {
        return new ItemLimits(v.integer("ingest.max-items-per-feed", 1, 1_000_000),
                v.integer("ingest.max-text-bytes", 1024, 64 * 1024 * 1024));
    }

    /**
     * The documented defaults ({@link IngestSettings#KEYS}): 500 items a poll; 512 KiB of text, half of Kafka's
     * default 1 MiB record limit, so JSON escapes still fit.
     */
    public static ItemLimits defaults() {
        return from(SettingValues.defaults(IngestSettings.KEYS));
    }
}
