package io.spyglass.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and identity of every HTTP fetch ingest makes.
 *
 * @param userAgent      the User-Agent header, naming Spyglass and a contact URL
 * @param connectTimeout time to open a connection
 * @param totalTimeout   time for the whole exchange, body included, so a slow-drip server cannot hold a worker
 * @param maxBytes       largest body accepted, after decompression
 * @param maxRedirects   redirects followed before giving up
 * @param addresses      which resolved addresses may be fetched
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration totalTimeout, long maxBytes,
                            int maxRedirects, AddressPolicy addresses) {
    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(addresses, "addresses");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
    }

    /** Defaults fit for the public web. */
    public static FetchSettings defaults() {
        return new FetchSettings("Spyglass/0.1 (+https://github.com/spyglass-news/spyglass)", Duration.ofSeconds(10),
                Duration.ofSeconds(30), 10L * 1024 * 1024, 5, AddressPolicy.publicOnly());
    }

    /** These settings with another address policy. */
    public FetchSettings withAddresses(AddressPolicy policy) {
        return new FetchSettings(userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, policy);
    }
}
