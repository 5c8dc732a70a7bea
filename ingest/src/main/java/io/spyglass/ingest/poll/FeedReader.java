package io.spyglass.ingest.poll;

import io.spyglass.ingest.feed.FeedDiscovery;
import io.spyglass.ingest.feed.FeedParseException;
import io.spyglass.ingest.feed.FeedParser;
import io.spyglass.ingest.feed.ItemWindow;
import io.spyglass.ingest.feed.ParsedFeed;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.fetch.FetchException;
import io.spyglass.ingest.fetch.FetchedResource;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.HostThrottle;
import io.spyglass.ingest.poll.IngestStats.Count;
import io.spyglass.ingest.poll.PollOutcome.ErrorKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and parses one feed for a poll, and decides how a poll that ends before there are items to work through
 * ends: not modified, or failed with which class of error. A configured URL that answers with an HTML page (a site's
 * home page) is read through the feed the page announces, and later polls go to that feed directly until it fails.
 */
final class FeedReader {
    // the poller's logger: its per-poll lines are configured (logback.xml) and shown under that one name
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private final Fetcher fetcher;
    private final IngestStats stats;
    private final Clock clock;
    /** The feed each configured URL that gave an HTML page announced, polled in its place. */
    private final Map<URI, URI> linkedFeeds = new ConcurrentHashMap<>();

    FeedReader(Fetcher fetcher, IngestStats stats, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A fetched and parsed feed, or the poll's result when it ended before there was one to publish from; with the
     * feed URL an HTML page linked, when the configured URL gave a page.
     */
    record Read(FeedPoll result, FetchedResource response, ParsedFeed feed, long start, URI linkedFeed) {
    }

    /** Fetches and parses {@code source}, reading at most {@code window} of its items. Never throws but errors. */
    Read read(FeedSource source, CacheValidators validators, ItemWindow window) {
        Read read = fetchAndParse(source, validators, linkedFeeds.get(source.url()), window);
        if (read.linkedFeed() != null) {
            if (read.result() != null && !read.result().ok()) {
                // found again from the page on the next poll, in case the site moved its feed
                linkedFeeds.remove(source.url());
            } else {
                linkedFeeds.put(source.url(), read.linkedFeed());
            }
        }
        return read;
    }

    private Read fetchAndParse(FeedSource source, CacheValidators validators, URI linkedFeed, ItemWindow window) {
        long start = System.nanoTime();
        URI linked = linkedFeed;
        FetchedResource response;
        try {
            URI target = linked != null ? linked : source.url();
            Map<String, String> headers = new HashMap<>(ownHeaders(source, target));
            headers.putAll(validators.requestHeaders());
            response = fetcher.get(target, FEED_ACCEPT, headers);
            if (response.status() == 200 && linked == null && FeedParser.isHtmlPage(response.body())) {
                List<URI> announced = FeedDiscovery.feedLinks(response.body(), response.url());
                if (announced.isEmpty()) {
                    return new Read(failed(source, validators, 200, ErrorKind.PARSE, "not a feed: got an HTML page that "
                            + "announces no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed type)", null, start),
                            response, null, start, null);
                }
                linked = announced.get(0);
                LOG.info("{} is an HTML page; polling the feed it announces, {}", source.url(), linked);
                response = fetcher.get(linked, FEED_ACCEPT, ownHeaders(source, linked));
            }
        } catch (FetchException e) {
            Duration wait = e.kind() == FetchException.Kind.RATE_LIMITED ? fetcher.throttle().backedOff(source.url().getHost()) : null;
            return new Read(failed(source, validators, 0, ErrorKind.of(e.kind()), e.getMessage(), wait, start), null, null,
                    start, linked);
        }
        int status = response.status();
        if (status == 304) {
            stats.add(Count.FEEDS_POLLED);
            long millis = millisSince(start);
            LOG.info("Polled {}: not modified, in {} ms", source.url(), millis);
            return new Read(new FeedPoll(source, new PollOutcome.NotModified(), 304, millis, validators, null, linked),
                    response, null, start, linked);
        }
        if (status != 200) {
            boolean limited = status == 429 || status == 503;
            Duration wait = limited ? HostThrottle.retryAfter(response.header("Retry-After"), clock.instant()) : null;
            return new Read(failed(source, validators, status, limited ? ErrorKind.RATE_LIMITED : ErrorKind.HTTP_STATUS,
                    "HTTP " + status, wait, start), response, null, start, linked);
        }
        try {
            ParsedFeed feed = FeedParser.parse(response.body(), response.contentType(), response.url(), window);
            stats.add(Count.FEEDS_POLLED);
            return new Read(null, response, feed, start, linked);
        } catch (FeedParseException e) {
            String message = linked != null ? e.getMessage() + " (at " + linked + ", announced by the page)" : e.getMessage();
            return new Read(failed(source, validators, status, ErrorKind.PARSE, message, null, start), response, null, start,
                    linked);
        }
    }

    /** The feed's configured headers when {@code target} is on the configured URL's origin; else none. */
    private static Map<String, String> ownHeaders(FeedSource source, URI target) {
        return Fetcher.sameOrigin(source.url(), target) ? source.headers() : Map.of();
    }

    private FeedPoll failed(FeedSource source, CacheValidators validators, int httpStatus, ErrorKind kind, String message,
                            Duration retryAfter, long start) {
        stats.add(Count.FEEDS_FAILED);
        LOG.warn("Feed {} failed ({}): {}", source.url(), kind, message);
        return new FeedPoll(source, new PollOutcome.Failed(kind, message, retryAfter), httpStatus, millisSince(start),
                validators, null, null);
    }

    /** Milliseconds since {@code start}, a {@link System#nanoTime()}. */
    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
