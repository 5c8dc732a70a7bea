package io.spyglass.ingest.fetch;

import io.spyglass.ingest.IngestSettings;
import io.spyglass.model.settings.SettingValues;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        // in the order of the components
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
        Objects.requireNonNull(addresses, "addresses");
        if (hostConcurrency < 1) {
            throw new IllegalArgumentException("hostConcurrency must be at least 1: " + hostConcurrency);
        }
        Objects.requireNonNull(hostDelay, "hostDelay");
    }

    /** The settings the {@code fetch.*} keys give. */
    public static FetchSettings from(SettingValues v) {
        return new FetchSettings(v.text("fetch.user-agent"), v.duration("fetch.connect-timeout"), v.duration("fetch.timeout"),
                v.integer("fetch.max-bytes", 1024, Long.MAX_VALUE), v.integer("fetch.max-redirects", 0, 20),
                new AddressPolicy(v.bool("fetch.allow-private-addresses"), cidrs(v, "fetch.allow")),
                v.integer("fetch.host-concurrency", 1, 64), v.duration("fetch.host-delay"), v.bool("fetch.robots"),
                proxy(v, "fetch.proxy"));
    }

    /** The documented defaults ({@link IngestSettings#KEYS}). */
    public static FetchSettings defaults() {
        return from(SettingValues.defaults(IngestSettings.KEYS));
    }

    /** These settings sending {@code agent} as the User-Agent. */
    public FetchSettings withUserAgent(String agent) {
        return new FetchSettings(agent, connectTimeout, totalTimeout, maxBytes, maxRedirects, addresses, hostConcurrency,
                hostDelay, robots, proxy);
    }

    /** These settings with the connect and whole-exchange timeouts {@code connect} and {@code total}. */
    public FetchSettings withTimeouts(Duration connect, Duration total) {
        return new FetchSettings(userAgent, connect, total, maxBytes, maxRedirects, addresses, hostConcurrency, hostDelay,
                robots, proxy);
    }

    /** These settings accepting bodies up to {@code bytes} and following up to {@code redirects} redirects. */
    public FetchSettings withSizeLimits(long bytes, int redirects) {
        return new FetchSettings(userAgent, connectTimeout, totalTimeout, bytes, redirects, addresses, hostConcurrency,
                hostDelay, robots, proxy);
    }

    /**
     * These settings fetching what {@code policy} allows, {@code concurrency} requests to a host at a time, {@code delay}
     * apart, obeying robots.txt if {@code obeyRobots}: what tests against a loopback server change.
     */
    public FetchSettings withManners(AddressPolicy policy, int concurrency, Duration delay, boolean obeyRobots) {
        return new FetchSettings(userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, policy, concurrency, delay,
                obeyRobots, proxy);
    }

    /** These settings fetching through {@code httpProxy}, or directly if null. */
    public FetchSettings withProxy(InetSocketAddress httpProxy) {
        return new FetchSettings(userAgent, connectTimeout, totalTimeout, maxBytes, maxRedirects, addresses, hostConcurrency,
                hostDelay, robots, httpProxy);
    }

    /** A fresh throttle with these per-host limits. */
    public HostThrottle newThrottle() {
        return new HostThrottle(hostConcurrency, hostDelay);
    }

    private static List<Cidr> cidrs(SettingValues v, String key) {
        List<Cidr> blocks = new ArrayList<>();
        for (String block : v.list(key)) {
            try {
                blocks.add(Cidr.parse(block));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(v.origin(key) + ": " + e.getMessage());
            }
        }
        return blocks;
    }

    /** {@code host:port} or {@code http://host:port}, left unresolved for the client to resolve; null when empty. */
    private static InetSocketAddress proxy(SettingValues v, String key) {
        String text = v.raw(key).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text.contains("://") ? text : "http://" + text);
            if (uri.getUserInfo() != null) {
                // said without the value, which holds a password
                throw v.invalid(key, "holds credentials (user:password@), which are not supported: use a proxy that "
                        + "lets Spyglass's hosts through without them");
            }
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                    || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                throw new URISyntaxException(text, "expected host:port or http://host:port");
            }
            return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw v.invalid(key, "is not a proxy address: '" + text + "' (" + e.getReason() + ")");
        }
    }
}
