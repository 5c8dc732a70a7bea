package io.spyglass.enrich;

import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.settings.Key;
import io.spyglass.model.settings.SettingValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The enrich part of the configuration; its keys, with their defaults, are in {@code enrich.keys} next to this class.
 *
 * @param taxonomy a user taxonomy file extending the bundled one, used only if it exists; null for the bundled one alone
 */
public record EnrichSettings(Path taxonomy) {
    /** The keys of this part, with their defaults. */
    public static final List<Key> KEYS = Key.table(EnrichSettings.class, "enrich.keys");

    /** Reads this part. */
    public static EnrichSettings from(SettingValues v) {
        return new EnrichSettings(v.path("tagger.taxonomy"));
    }

    /** Every key at its default. */
    public static EnrichSettings defaults() {
        return from(SettingValues.defaults(KEYS));
    }

    /** The bundled taxonomy alone, whatever files there are. */
    public static EnrichSettings bundledTaxonomy() {
        return new EnrichSettings(null);
    }

    /** The tagger these settings ask for: the bundled taxonomy, extended by {@link #taxonomy} if that file exists. */
    public Tagger tagger() {
        return taxonomy != null && Files.exists(taxonomy) ? Tagger.load(taxonomy) : Tagger.loadDefault();
    }
}
