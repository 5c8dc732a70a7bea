package io.spyglass.model;

import java.util.Objects;

/**
 * The feed an article came from.
 *
 * @param url  the feed URL as configured; never null
 * @param name the feed's display name from the config, or its own title; may be null
 */
public record FeedRef(String url, String name) {
    public FeedRef {
        Objects.requireNonNull(url, "url");
    }
}
