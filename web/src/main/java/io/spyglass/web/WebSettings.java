package io.spyglass.web;

import io.spyglass.model.settings.Key;
import io.spyglass.model.settings.SettingValues;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The web part of the configuration; its keys, with their defaults, are in {@code web.keys} next to this class.
 *
 * @param address    where the web view listens
 * @param maxStories most stories the view holds; past that the one seen longest ago is dropped from it
 */
public record WebSettings(InetSocketAddress address, int maxStories) {
    /** The keys of this part, with their defaults. */
    public static final List<Key> KEYS = Key.table(WebSettings.class, "web.keys");

    public WebSettings {
        Objects.requireNonNull(address, "address");
        if (maxStories < 1) {
            throw new IllegalArgumentException("maxStories must be at least 1: " + maxStories);
        }
    }

    /** Reads this part. */
    public static WebSettings from(SettingValues v) {
        return new WebSettings(v.address("web.address", "web.port"), v.integer("web.max-stories", 1, 10_000_000));
    }

    /** Every key at its default. */
    public static WebSettings defaults() {
        return from(SettingValues.defaults(KEYS));
    }

    /** These settings listening on {@code other}. */
    public WebSettings withAddress(InetSocketAddress other) {
        return new WebSettings(other, maxStories);
    }
}
