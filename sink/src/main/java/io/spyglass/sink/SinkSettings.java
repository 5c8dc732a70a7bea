package io.spyglass.sink;

import io.spyglass.model.settings.Key;
import io.spyglass.model.settings.SettingValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The sink part of the configuration; its keys, with their defaults, are in {@code sink.keys} next to this class.
 *
 * @param out      the JSON-lines file to append stories to, or null for none
 * @param webhooks where to post stories; none when {@link WebhookSettings#enabled()} is false
 */
public record SinkSettings(Path out, WebhookSettings webhooks) {
    /** The keys of this part, with their defaults. */
    public static final List<Key> KEYS = Key.table(SinkSettings.class, "sink.keys");

    public SinkSettings {
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** Reads this part. */
    public static SinkSettings from(SettingValues v) {
        return new SinkSettings(v.optionalPath("sink.out"), WebhookSettings.from(v));
    }

    /** Every key at its default: no file, no webhooks. */
    public static SinkSettings defaults() {
        return from(SettingValues.defaults(KEYS));
    }

    /** These settings with {@code other} webhooks. */
    public SinkSettings withWebhooks(WebhookSettings other) {
        return new SinkSettings(out, other);
    }
}
