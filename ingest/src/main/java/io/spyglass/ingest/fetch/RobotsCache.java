package io.spyglass.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of each site, fetched through the same {@link Fetcher} (so with the same caps and address
 * checks) and kept for a while per scheme, host and port, as RFC 9309 describes. A Crawl-delay (at most 30 s) spaces
 * that host's requests in the fetcher's throttle.
 */
public final class RobotsCache {
    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
    private static final Duration TTL = Duration.ofHours(24);
    /** A failed fetch is retried sooner than good rules expire. */
    private static final Duration FAILURE_TTL = Duration.ofHours(1);
    private static final int MAX_SITES = 20_000;
    /** The longest Crawl-delay honoured; a site asking for more is still visited this often. */
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    private final Fetcher fetcher;
    private final String robotName;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Entry> sites = new ConcurrentHashMap<>();

    /**
     * @param robotName the product token robots.txt groups are matched against, e.g. {@code spyglass}
     */
    public RobotsCache(Fetcher fetcher, String robotName, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.robotName = robotName.toLowerCase(Locale.ROOT);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The robot name in a User-Agent such as {@code Spyglass/0.1 (+https://...)}: {@code spyglass}. */
    public static String robotName(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.isEmpty() ? "spyglass" : token.toLowerCase(Locale.ROOT);
    }

    /**
     * Checks that robots.txt lets us fetch {@code page}.
     *
     * @throws FetchException of class ROBOTS when it does not, or RATE_LIMITED when the site is backed off and its
     *                        rules are not known yet
     */
    public void check(URI page) throws FetchException {
        BaseRobotRules rules = rules(page);
        if (!rules.isAllowed(page.toString())) {
            throw new FetchException(FetchException.Kind.ROBOTS, "robots.txt of " + page.getHost() + " disallows " + page);
        }
    }

    private BaseRobotRules rules(URI page) throws FetchException {
        URI robots = robotsUrl(page);
        String site = robots.getScheme() + "://" + robots.getRawAuthority();
        Instant now = clock.instant();
        Entry entry = sites.get(site);
        if (entry != null && entry.expires().isAfter(now)) {
            return entry.rules();
        }
        BaseRobotRules rules;
        Duration ttl = TTL;
        try {
            FetchedResource r = fetcher.get(robots, "text/plain, */*;q=0.5");
            if (r.status() == 200) {
                rules = parser.parseContent(robots.toString(), r.body(), r.contentType(), List.of(robotName));
                if (rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && rules.getCrawlDelay() > 0) {
                    Duration delay = Duration.ofMillis(rules.getCrawlDelay());
                    fetcher.throttle().atLeast(page.getHost(), delay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay);
                }
            } else {
                // 4xx: no rules, everything allowed; 5xx and 429: the site is unwell, nothing allowed for now
                rules = parser.failedFetch(r.status());
                ttl = r.status() >= 500 || r.status() == 429 ? FAILURE_TTL : TTL;
            }
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.RATE_LIMITED || e.kind() == FetchException.Kind.CANCELLED) {
                // a cancelled fetch (ingest stopping) says nothing about the site: nothing is cached
                throw e;
            }
            // an unreachable robots.txt counts as a complete disallow (RFC 9309, section 2.3.1.4)
            LOG.warn("robots.txt of {} unavailable ({}): {}; not fetching its pages for {}", site, e.kind(), e.getMessage(), FAILURE_TTL);
            rules = parser.failedFetch(503);
            ttl = FAILURE_TTL;
        }
        if (sites.size() >= MAX_SITES) {
            sites.values().removeIf(old -> !old.expires().isAfter(now));
            if (sites.size() >= MAX_SITES) {
                sites.clear();
            }
        }
        sites.put(site, new Entry(rules, now.plus(ttl)));
        return rules;
    }

    /**
     * Pure: the robots.txt URL of {@code page}'s site (scheme, host and port), built from URI parts: an IPv6 literal's
     * host comes with its brackets from {@link URI#getHost()}, and the URI constructor adds them only where missing.
     */
    static URI robotsUrl(URI page) {
        try {
            return new URI(page.getScheme().toLowerCase(Locale.ROOT), null, page.getHost().toLowerCase(Locale.ROOT),
                    page.getPort(), "/robots.txt", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no robots.txt URL for " + page + ": " + e.getMessage(), e);
        }
    }

    private record Entry(BaseRobotRules rules, Instant expires) {
    }
}
