package io.spyglass.app.config;

import io.spyglass.model.settings.SettingValues;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where the health and metrics endpoint listens; its keys are in {@code app.keys} ({@link EmbeddedSettings#KEYS}).
 *
 * @param address the endpoint's address and port
 */
public record HealthSettings(InetSocketAddress address) {
    public HealthSettings {
        Objects.requireNonNull(address, "address");
    }

    /** Reads this part. */
    public static HealthSettings from(SettingValues v) {
        return new HealthSettings(v.address("http.address", "http.port"));
    }
}
