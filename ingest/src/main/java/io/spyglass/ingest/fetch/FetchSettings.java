package io.spyglass.ingest.fetch;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits, manners and identity of every HTTP fetch ingest makes.
 *
 * @param userAgent       the User-Agent header, naming Spyglass and a contact URL
 * @param connectTimeout  time to open a connection
 * @param totalTimeout    time for the whole exchange, body included, so a slow-drip server cannot hold a worker
 * @param maxBytes        largest body accepted, after decompression
 * @param maxRedirects    redirects followed before giving up
 * @param addresses       which resolved addresses may be fetched
 * @param hostConcurrency requests to one host at the same time
 * @param hostDelay       least time between the starts of two requests to one host
 * @param robots          true to obey robots.txt for article pages
 * @param proxy           the HTTP proxy every fetch goes through (CONNECT for https), or null to connect directly
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration totalTimeout, long maxBytes,
                            int maxRedirects, AddressPolicy addresses, int hostConcurrency, Duration hostDelay,
                            boolean robots, InetSocketAddress proxy) {
    public FetchSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(hostDelay, "hostDelay");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        if (hostConcurrency < 1) {
            throw new IllegalArgumentException("hostConcurrency must be at least 1: " + hostConcurrency);
        }
    }

    /** Settings that connect directly, without a proxy. */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration totalTimeout, long maxBytes, int maxRedirects,
                         AddressPolicy addresses, int hostConcurrency, Duration hostDelay, boolean robots) {
        this(userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, addresses, hostConcurrency, hostDelay, robots,
                null);
    }

    /** A fresh throttle with these per-host limits. */
    public HostThrottle newThrottle() {
        return new HostThrottle(hostConcurrency, hostDelay);
    }
}
