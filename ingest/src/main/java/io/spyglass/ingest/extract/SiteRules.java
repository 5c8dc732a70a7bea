package io.spyglass.ingest.extract;

import java.util.Map;

/** Per-site CSS selectors that override the algorithm, keyed by host. */
public record SiteRules(Map<String, Map<String, String>> byHost) {
    public static SiteRules none() {
        return new SiteRules(Map.of());
    }

    public static SiteRules fromMap(Map<String, Map<String, String>> byHost) {
        return new SiteRules(Map.copyOf(byHost));
    }
}
