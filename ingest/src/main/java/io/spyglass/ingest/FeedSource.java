package io.spyglass.ingest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One feed from {@code config/feeds.yaml}.
 *
 * @param url      absolute http(s) URL of the RSS/Atom feed; never null
 * @param name     display name, or null to use the feed's own title
 * @param interval how often to poll it; never null
 */
public record FeedSource(URI url, String name, Duration interval) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
    }
}
