package io.spyglass.ingest.extract;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-site CSS overrides for sites where the general algorithm is not enough, keyed by host name
 * (a rule for {@code example.com} also applies to {@code www.example.com} and other subdomains).
 *
 * @param byHost lower-case host name to its rule; never null
 */
public record SiteRules(Map<String, Rule> byHost) {

    /**
     * CSS selectors for one site.
     *
     * @param bodySelector   selects the element(s) holding the article body, or null to let the algorithm find it
     * @param removeSelector selects elements to drop before extraction, or null
     */
    public record Rule(String bodySelector, String removeSelector) {
    }

    public SiteRules {
        Objects.requireNonNull(byHost, "byHost");
        var normalised = new HashMap<String, Rule>();
        byHost.forEach((host, rule) -> normalised.put(
                Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT), Objects.requireNonNull(rule, "rule")));
        byHost = Map.copyOf(normalised);
    }

    /** No overrides: every page goes through the general algorithm. */
    public static SiteRules none() {
        return new SiteRules(Map.of());
    }

    /**
     * Builds rules from configuration shaped like {@code extract.sites.<host>.body} and {@code .remove}.
     *
     * @param sites host to a map with optional keys {@code body} and {@code remove}; never null
     * @throws IllegalArgumentException naming the host and key when a key is unknown or a value is blank
     */
    public static SiteRules fromMap(Map<String, Map<String, String>> sites) {
        Objects.requireNonNull(sites, "sites");
        var rules = new HashMap<String, Rule>();
        sites.forEach((host, keys) -> {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("extract.sites: host must not be blank");
            }
            Map<String, String> settings = keys == null ? Map.of() : keys;
            for (var entry : settings.entrySet()) {
                if (!entry.getKey().equals("body") && !entry.getKey().equals("remove")) {
                    throw new IllegalArgumentException("extract.sites." + host + "." + entry.getKey()
                            + ": unknown key, expected body or remove");
                }
                if (entry.getValue() == null || entry.getValue().isBlank()) {
                    throw new IllegalArgumentException("extract.sites." + host + "." + entry.getKey()
                            + ": selector must not be blank");
                }
                try {
                    QueryParser.parse(entry.getValue());
                } catch (Selector.SelectorParseException e) {
                    throw new IllegalArgumentException("extract.sites." + host + "." + entry.getKey()
                            + ": invalid CSS selector: " + e.getMessage(), e);
                }
            }
            rules.put(host, new Rule(settings.get("body"), settings.get("remove")));
        });
        return new SiteRules(rules);
    }

    /** The rule for the URL's host or its nearest parent domain; empty when none applies or the URL is null. */
    public Optional<Rule> forUrl(URI url) {
        if (url == null || url.getHost() == null || byHost.isEmpty()) {
            return Optional.empty();
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        while (true) {
            Rule rule = byHost.get(host);
            if (rule != null) {
                return Optional.of(rule);
            }
            int dot = host.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            host = host.substring(dot + 1);
        }
    }
}
