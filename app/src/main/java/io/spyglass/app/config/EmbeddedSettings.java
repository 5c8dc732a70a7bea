package io.spyglass.app.config;

import io.spyglass.model.settings.Key;
import io.spyglass.model.settings.SettingValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where this process keeps its data, and the embedded broker's port; the keys of the app's parts, with their defaults,
 * are in {@code app.keys} next to this class.
 *
 * @param port    port of the embedded broker; 0 picks a free one
 * @param dataDir the embedded broker's log and the Streams stages' state
 */
public record EmbeddedSettings(int port, Path dataDir) {
    /** The keys of the app's parts ({@link EmbeddedSettings}, {@link HealthSettings}), with their defaults. */
    public static final List<Key> KEYS = Key.table(EmbeddedSettings.class, "app.keys");

    public EmbeddedSettings {
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Reads this part. */
    public static EmbeddedSettings from(SettingValues v) {
        return new EmbeddedSettings(v.integer("embedded.port", 0, 65535), v.path("data.dir"));
    }

    /** Where the Streams stages keep their state. */
    public Path streamsDir() {
        return dataDir.resolve("streams");
    }
}
