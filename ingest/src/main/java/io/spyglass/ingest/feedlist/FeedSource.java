package io.spyglass.ingest.feedlist;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One feed from {@code config/feeds.yaml}.
 *
 * @param url      absolute http(s) URL of the RSS/Atom feed; never null
 * @param name     display name, or null to use the feed's own title
 * @param interval how often to poll it; never null
 * @param headers  request headers the feed needs (an API key, a token), sent with the feed's own requests and only
 *                 to its origin; never null
 */
public record FeedSource(URI url, String name, Duration interval, Map<String, String> headers) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        headers = Map.copyOf(headers);
    }

    /** A feed that needs no request headers of its own. */
    public FeedSource(URI url, String name, Duration interval) {
        this(url, name, interval, Map.of());
    }

    /** Without the header values, which are often secrets, so that logging a feed never leaks one. */
    @Override
    public String toString() {
        return "FeedSource[url=" + url + ", name=" + name + ", interval=" + interval + ", headers="
                + headers.keySet().stream().sorted().collect(Collectors.joining(", ", "[", "]")) + "]";
    }
}
