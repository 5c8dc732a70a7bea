package io.spyglass.ingest;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.ingest.feed.FeedDiscovery;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.ingest.feed.FeedParseException;
import io.spyglass.ingest.feed.FeedParser;
import io.spyglass.ingest.feed.ItemWindow;
import io.spyglass.ingest.feed.ParsedFeed;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.fetch.FetchException;
import io.spyglass.ingest.fetch.FetchedResource;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.HostThrottle;
import io.spyglass.ingest.fetch.RobotsCache;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetches and parses it, then fetches, extracts and publishes every item not seen before, and publishes
 * a seen item again as its next revision when its feed entry changed and its page's text did too.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    /** Polls an item's page may be put off by a rate-limited site before the feed's text is published instead. */
    static final int MAX_DEFERRALS = 3;
    private static final int MAX_TRACKED_DEFERRALS = 100_000;

    private final Fetcher fetcher;
    private final RobotsCache robots;
    private final ArticleExtractor extractor;
    private final ArticleLog log;
    private final IngestStats stats;
    private final Clock clock;
    private final ItemLimits limits;
    private final Map<String, Integer> deferrals = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** The feed each configured URL that gave an HTML page announced, polled in its place. */
    private final Map<URI, URI> linkedFeeds = new ConcurrentHashMap<>();
    /**
     * Per feed with more items than a poll reads, the newest-first rank the next poll reads its backlog slice from
     * (see {@link ItemWindow}); feeds that fit in one window have no entry.
     */
    private final Map<URI, Integer> backlog = new ConcurrentHashMap<>();

    /** @param robots robots.txt rules checked before each page fetch, or null to fetch pages without asking */
    public FeedPoller(Fetcher fetcher, RobotsCache robots, ArticleExtractor extractor, ArticleLog log, IngestStats stats,
                      Clock clock) {
        this(fetcher, robots, extractor, log, stats, clock, ItemLimits.DEFAULTS);
    }

    /** As above, taking at most {@code limits} from each feed and article. */
    public FeedPoller(Fetcher fetcher, RobotsCache robots, ArticleExtractor extractor, ArticleLog log, IngestStats stats,
                      Clock clock, ItemLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.robots = robots;
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.log = Objects.requireNonNull(log, "log");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Polls {@code source} once, unconditionally. */
    public FeedPoll poll(FeedSource source) {
        return poll(source, CacheValidators.NONE);
    }

    /**
     * Polls {@code source} once with a conditional GET. Never throws: every failure is logged and returned in the
     * result. The result carries new validators only when every item was dealt with, so that an item that could not
     * be stored is met again on the next poll rather than hidden behind a 304.
     */
    public FeedPoll poll(FeedSource source, CacheValidators validators) {
        long start = System.nanoTime();
        try {
            ItemWindow window = ItemWindow.of(limits.maxItemsPerFeed(), backlog.getOrDefault(source.url(), 0));
            Read read = read(fetcher, stats, clock, source, validators, linkedFeeds, window);
            if (read.result() != null) {
                return read.result();
            }
            return publish(source, validators, read, window);
        } catch (OutOfMemoryError e) {
            return outOfMemory(stats, source, validators, start, e);
        }
    }

    /**
     * The result of a poll that ran out of heap. The poll's garbage is unreachable once it is abandoned, so the JVM
     * usually recovers and the other feeds go on; the feed is reported, and logged at ERROR, since only a larger heap
     * (or smaller caps) makes it work, and it is retried with the usual backoff.
     */
    private static FeedPoll outOfMemory(IngestStats stats, FeedSource source, CacheValidators validators, long start,
                                        OutOfMemoryError e) {
        stats.feedsFailed.incrementAndGet();
        String message = "ran out of heap memory while polling the feed (" + e.getMessage() + "); the poll was given up. "
                + "Give ingest a larger heap (-Xmx) or lower fetch.max-bytes or ingest.max-items-per-feed";
        LOG.error("Feed {} failed (OUT_OF_MEMORY): {}", source.url(), message, e);
        return new FeedPoll(source, FeedPoll.Status.ERROR, 0, 0, 0, message, "OUT_OF_MEMORY", millisSince(start), validators,
                null, null, null);
    }

    /**
     * Fetches and parses {@code source} once, publishing nothing: what {@code spyglass feeds check} reports.
     * Never throws.
     */
    public static FeedPoll check(Fetcher fetcher, FeedSource source, Clock clock) {
        long start = System.nanoTime();
        IngestStats stats = new IngestStats();
        try {
            Read read = read(fetcher, stats, clock, source, CacheValidators.NONE, new HashMap<>(),
                    ItemWindow.of(ItemLimits.DEFAULTS.maxItemsPerFeed(), 0));
            if (read.result() != null) {
                return read.result();
            }
            return new FeedPoll(source, FeedPoll.Status.OK, read.response().status(), itemCount(read.feed()), 0, null, null,
                    millisSince(read.start()), CacheValidators.of(read.response()), null, read.feed().newestItem(),
                    read.linkedFeed());
        } catch (OutOfMemoryError e) {
            return outOfMemory(stats, source, CacheValidators.NONE, start, e);
        }
    }

    /** The feed's items with a link, read or not. */
    private static int itemCount(ParsedFeed feed) {
        return feed.items().size() + feed.notRead();
    }

    /**
     * A fetched and parsed feed, or the poll's result when it ended before there was one to publish from; with the
     * feed URL an HTML page linked, when the configured URL gave a page.
     */
    private record Read(FeedPoll result, FetchedResource response, ParsedFeed feed, long start, URI linkedFeed) {
    }

    /**
     * Fetches and parses the feed. A configured URL that answers with an HTML page (a site's home page) is read through
     * the feed the page announces, and later polls go to that feed directly until it fails.
     */
    private static Read read(Fetcher fetcher, IngestStats stats, Clock clock, FeedSource source, CacheValidators validators,
                             Map<URI, URI> linkedFeeds, ItemWindow window) {
        Read read = fetchAndParse(fetcher, stats, clock, source, validators, linkedFeeds.get(source.url()), window);
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

    private static Read fetchAndParse(Fetcher fetcher, IngestStats stats, Clock clock, FeedSource source,
                                      CacheValidators validators, URI linkedFeed, ItemWindow window) {
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
                    return new Read(failed(stats, source, validators, 200, "PARSE", "not a feed: got an HTML page that "
                            + "announces no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed type)", null, start),
                            response, null, start, null);
                }
                linked = announced.get(0);
                LOG.info("{} is an HTML page; polling the feed it announces, {}", source.url(), linked);
                response = fetcher.get(linked, FEED_ACCEPT, ownHeaders(source, linked));
            }
        } catch (FetchException e) {
            Duration wait = e.kind() == FetchException.Kind.RATE_LIMITED ? fetcher.throttle().backedOff(source.url().getHost()) : null;
            return new Read(failed(stats, source, validators, 0, e.kind().name(), e.getMessage(), wait, start), null, null, start,
                    linked);
        }
        int status = response.status();
        if (status == 304) {
            stats.feedsPolled.incrementAndGet();
            long millis = millisSince(start);
            LOG.info("Polled {}: not modified, in {} ms", source.url(), millis);
            return new Read(new FeedPoll(source, FeedPoll.Status.NOT_MODIFIED, 304, 0, 0, null, null, millis, validators, null, null,
                    linked),
                    response, null, start, linked);
        }
        if (status != 200) {
            boolean limited = status == 429 || status == 503;
            Duration wait = limited ? HostThrottle.retryAfter(response.header("Retry-After"), clock.instant()) : null;
            return new Read(failed(stats, source, validators, status, limited ? "RATE_LIMITED" : "HTTP_STATUS", "HTTP " + status,
                    wait, start), response, null, start, linked);
        }
        try {
            ParsedFeed feed = FeedParser.parse(response.body(), response.contentType(), response.url(), window);
            stats.feedsPolled.incrementAndGet();
            return new Read(null, response, feed, start, linked);
        } catch (FeedParseException e) {
            String message = linked != null ? e.getMessage() + " (at " + linked + ", announced by the page)" : e.getMessage();
            return new Read(failed(stats, source, validators, status, "PARSE", message, null, start), response, null, start,
                    linked);
        }
    }

    /** The feed's configured headers when {@code target} is on the configured URL's origin; else none. */
    private static Map<String, String> ownHeaders(FeedSource source, URI target) {
        return Fetcher.sameOrigin(source.url(), target) ? source.headers() : Map.of();
    }

    private FeedPoll publish(FeedSource source, CacheValidators validators, Read read, ItemWindow window) {
        ParsedFeed feed = read.feed();
        int published = 0;
        boolean complete = true;
        FeedRef ref = new FeedRef(source.url().toString(), source.name() != null ? source.name() : feed.title());
        // a feed may list one article twice, under different entries: one look at it a poll is enough
        Set<String> polled = new HashSet<>();
        ItemProblems problems = new ItemProblems();
        int max = limits.maxItemsPerFeed();
        // within the cap, items in document order as always; past it, the newest first, so that the cap keeps the news
        List<FeedItem> order = feed.items().size() > max || feed.notRead() > 0 ? Limits.newestFirst(feed.items()) : feed.items();
        int worked = 0;
        int next = 0;
        for (; next < order.size() && worked < max; next++) {
            FeedItem item = order.get(next);
            try {
                ItemResult result = publishIfNew(item, ref, polled, problems);
                switch (result) {
                    case PUBLISHED -> published++;
                    case DEFERRED -> complete = false;
                    case SEEN -> { }
                }
                if (result != ItemResult.SEEN) {
                    worked++;
                }
            } catch (PollCancelled e) {
                LOG.info("Feed {}: poll cancelled after {} new articles ({}); the rest waits for the next poll", source.url(),
                        published, e.getCause().getMessage());
                return new FeedPoll(source, FeedPoll.Status.ERROR, 200, itemCount(feed), published,
                        "poll cancelled (ingest stopping) after " + published + " new articles: " + e.getCause().getMessage(),
                        FetchException.Kind.CANCELLED.name(), millisSince(read.start()), validators, null, feed.newestItem(),
                        read.linkedFeed());
            } catch (ArticleLog.PublishException e) {
                worked++;
                complete = false;
                problems.failed("STORE", "could not store " + item.link() + " (retried on the next poll): " + e.getMessage());
                LOG.warn("Feed {}: could not store {}; it will be retried on the next poll: {}", source.url(), item.link(), e.getMessage());
            } catch (RuntimeException e) {
                worked++;
                LOG.warn("Feed {}: skipped item {}: {}", source.url(), item.link(), e.toString());
            }
        }
        int total = itemCount(feed);
        if (next < order.size()) {
            // the rest are taken on later polls, once the newer ones are seen: the feed's validators must not hide them
            complete = false;
            // ranks between the head and the backlog slice were worked through by earlier polls
            int passed = feed.notRead() > 0 ? window.from() - window.head() : 0;
            String note = "took " + worked + " new or changed items, the most a poll takes (ingest.max-items-per-feed); "
                    + Math.max(0, total - next - passed) + " older of the feed's " + total + " items wait for later polls";
            problems.lead(note);
            LOG.warn("Feed {}: {}", source.url(), note);
        } else if (feed.notRead() > 0 && window.from() + window.size() < feed.listed()) {
            // every item read was dealt with and older ones were not read: the next poll reads the next slice of them
            complete = false;
            backlog.put(source.url(), window.from() + window.size());
            String note = Math.max(0, feed.listed() - window.from() - window.size()) + " older of the feed's " + total
                    + " items wait for later polls (a poll reads the " + window.head() + " newest and "
                    + window.size() + " older ones, twice ingest.max-items-per-feed)";
            problems.lead(note);
            LOG.info("Feed {}: {}", source.url(), note);
        } else {
            // the backlog's slices reached the feed's oldest item: the next poll starts again at the newest
            backlog.remove(source.url());
        }
        long millis = millisSince(read.start());
        LOG.info("Polled {}: {} items, {} new, in {} ms", source.url(), total, published, millis);
        return new FeedPoll(source, FeedPoll.Status.OK, 200, total, published, problems.message(), problems.kind(),
                millis, complete ? CacheValidators.of(read.response()) : validators, null, feed.newestItem(), read.linkedFeed());
    }

    /**
     * What went wrong with single items of a poll that succeeded, and notes about it, for the feed's status: the first
     * failure's class, and every message (a few, then a count), so feed-status shows a feed whose items fail.
     */
    private static final class ItemProblems {
        private static final int MAX_MESSAGES = 3;
        private final List<String> messages = new ArrayList<>();
        private String kind;
        private int more;

        void failed(String errorKind, String message) {
            if (kind == null) {
                kind = errorKind;
            }
            note(message);
        }

        /** A note about the whole poll, shown before the items' messages. */
        void lead(String message) {
            messages.add(0, message);
        }

        void note(String message) {
            if (messages.size() < MAX_MESSAGES) {
                messages.add(message);
            } else {
                more++;
            }
        }

        String kind() {
            return kind;
        }

        String message() {
            if (messages.isEmpty()) {
                return null;
            }
            return String.join("; ", messages) + (more > 0 ? "; and " + more + " more" : "");
        }
    }

    private static FeedPoll failed(IngestStats stats, FeedSource source, CacheValidators validators, int httpStatus, String kind,
                                   String message, Duration retryAfter, long start) {
        stats.feedsFailed.incrementAndGet();
        LOG.warn("Feed {} failed ({}): {}", source.url(), kind, message);
        return new FeedPoll(source, FeedPoll.Status.ERROR, httpStatus, 0, 0, message, kind, millisSince(start), validators,
                retryAfter, null, null);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private enum ItemResult { PUBLISHED, SEEN, DEFERRED }

    /** A page fetch was cancelled: the poll stops where it is, publishing nothing more. */
    private static final class PollCancelled extends RuntimeException {
        PollCancelled(FetchException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private ItemResult publishIfNew(FeedItem item, FeedRef feed, Set<String> polled, ItemProblems problems)
            throws ArticleLog.PublishException {
        String id = CanonicalUrl.id(item.link().toString());
        ItemState known = log.state(id);
        long entry = Fingerprints.entry(item);
        boolean again = !polled.add(id);
        if (known != null && (again || known.knows(entry))) {
            stats.itemsAlreadySeen.incrementAndGet();
            if (!again && log.aging(id)) {
                refresh(id, item, known);
            }
            return ItemResult.SEEN;
        }
        if (known != null && known.entries() == ItemState.UNKNOWN) {
            // marked before entries were fingerprinted: take this entry for the one published rather than fetch every
            // page seen so far once more
            log.remember(id, CanonicalUrl.of(item.link().toString()), known.withEntry(entry));
            stats.itemsAlreadySeen.incrementAndGet();
            return ItemResult.SEEN;
        }
        // two feeds often list the same story: while one worker fetches it, the other leaves it to the next poll
        if (!inFlight.add(id)) {
            return ItemResult.DEFERRED;
        }
        try {
            // another worker may have published it between the look above and taking it
            ItemState current = log.state(id);
            if (current != null && current.knows(entry)) {
                stats.itemsAlreadySeen.incrementAndGet();
                return ItemResult.SEEN;
            }
            return fetchAndPublish(item, feed, id, current, entry, problems);
        } finally {
            inFlight.remove(id);
        }
    }

    /**
     * Writes the mark of an item still listed again, unchanged, before the seen topic's retention deletes it; a failure
     * is left to a later poll, which finds the mark still aging.
     */
    private void refresh(String id, FeedItem item, ItemState known) {
        try {
            log.remember(id, CanonicalUrl.of(item.link().toString()), known);
            stats.marksRefreshed.incrementAndGet();
        } catch (ArticleLog.PublishException e) {
            LOG.debug("Could not write the seen mark of {} again: {}", item.link(), e.getMessage());
        }
    }

    /** Fetches the item's page and publishes it: new when {@code known} is null, else as a revision if its text changed. */
    private ItemResult fetchAndPublish(FeedItem item, FeedRef feed, String id, ItemState known, long entry,
                                       ItemProblems problems) throws ArticleLog.PublishException {
        ExtractedPage page = null;
        ExtractionOutcome pageOutcome = ExtractionOutcome.SNIPPET_ONLY;
        try {
            if (robots != null) {
                robots.check(item.link());
            }
            FetchedResource response = fetcher.get(item.link(), PAGE_ACCEPT);
            if (response.status() == 200) {
                page = extractor.extract(response.body(), response.url(), response.contentType());
            } else if ((response.status() == 429 || response.status() == 503) && defer(id)) {
                LOG.info("Page {} answered HTTP {}; trying again on a later poll", item.link(), response.status());
                return ItemResult.DEFERRED;
            } else {
                pageOutcome = response.status() == 403 || response.status() == 401 ? ExtractionOutcome.BLOCKED
                        : ExtractionOutcome.SNIPPET_ONLY;
                LOG.warn("Page {} answered HTTP {}; using the feed's text", item.link(), response.status());
                stats.pagesFailed.incrementAndGet();
            }
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.CANCELLED) {
                // ingest is stopping: the item stays unseen, rather than be published with the feed's text
                throw new PollCancelled(e);
            }
            if (e.kind() == FetchException.Kind.RATE_LIMITED && defer(id)) {
                LOG.info("Page {} put off: {}", item.link(), e.getMessage());
                return ItemResult.DEFERRED;
            }
            if (e.kind() == FetchException.Kind.ROBOTS) {
                pageOutcome = ExtractionOutcome.BLOCKED;
            }
            stats.pagesFailed.incrementAndGet();
            LOG.warn("Page {} failed ({}): {}; using the feed's text", item.link(), e.kind(), e.getMessage());
        }
        Article assembled = ArticleAssembler.assemble(item, feed, page, pageOutcome, clock.instant());
        Article article = capped(assembled, problems);
        // the fingerprint of the whole text, so a text that only grows beyond the cap is still a revision
        long text = Fingerprints.text(assembled.title(), assembled.text());
        deferrals.remove(id);
        if (known == null) {
            ItemState first = ItemState.first(entry, text);
            if (!publishOrRefuse(article, first, problems)) {
                return ItemResult.SEEN;
            }
            stats.articlesPublished.incrementAndGet();
            LOG.debug("Published {} ({}, {})", article.url(), article.outcome(), article.id());
            return ItemResult.PUBLISHED;
        }
        // a revision never swaps a page's text for the feed's snippet because the page failed this time
        if (text == known.text() || article.outcome() != ExtractionOutcome.FULL) {
            log.remember(id, article.url(), known.withEntry(entry));
            stats.itemsUnchanged.incrementAndGet();
            LOG.debug("Entry of {} changed, its text did not ({})", article.url(), article.outcome());
            return ItemResult.SEEN;
        }
        ItemState revised = known.revised(entry, text);
        if (!publishOrRefuse(article.withRevision(revised.revision()), revised, problems)) {
            return ItemResult.SEEN;
        }
        stats.articlesPublished.incrementAndGet();
        stats.articlesRevised.incrementAndGet();
        LOG.debug("Published revision {} of {} ({})", revised.revision(), article.url(), article.id());
        return ItemResult.PUBLISHED;
    }

    /**
     * {@code article} with its text cut to {@link ItemLimits#maxTextBytes()} and its title to
     * {@link ItemLimits#MAX_TITLE_BYTES}, noted in the poll's problems when cut.
     */
    private Article capped(Article article, ItemProblems problems) {
        String text = Limits.truncateUtf8(article.text(), limits.maxTextBytes());
        String title = article.title() == null ? null : Limits.truncateUtf8(article.title(), ItemLimits.MAX_TITLE_BYTES);
        if (text.equals(article.text()) && Objects.equals(title, article.title())) {
            return article;
        }
        if (!text.equals(article.text())) {
            stats.articlesTruncated.incrementAndGet();
            note(problems, "cut the text of " + article.url() + " from " + Limits.utf8Length(article.text()) + " to "
                    + Limits.utf8Length(text) + " bytes (ingest.max-text-bytes)");
        }
        if (!Objects.equals(title, article.title())) {
            note(problems, "cut the title of " + article.url() + " from " + Limits.utf8Length(article.title()) + " to "
                    + Limits.utf8Length(title) + " bytes");
        }
        return new Article(article.schemaVersion(), article.id(), article.url(), title, article.published(),
                article.feed(), text, article.outcome(), article.language(), article.authors(), article.fetched(),
                article.revision());
    }

    private static void note(ItemProblems problems, String note) {
        problems.note(note);
        LOG.warn("{}", note);
    }

    /**
     * Publishes {@code article}; true when it was stored. An article refused for its size can never be stored as it
     * is: it is marked seen with {@code state} without the article, so it is not fetched again every poll, and the
     * refusal goes to the feed's status. Other failures are thrown: the item stays unseen and is retried.
     */
    private boolean publishOrRefuse(Article article, ItemState state, ItemProblems problems) throws ArticleLog.PublishException {
        try {
            log.publish(article, state);
            return true;
        } catch (ArticleLog.TooLargeException e) {
            stats.articlesTooLarge.incrementAndGet();
            problems.failed("RECORD_TOO_LARGE", e.getMessage() + "; marked seen without the article, so it is not fetched again");
            LOG.error("Article {} not stored: {}; marking it seen so that it is not fetched again", article.url(), e.getMessage());
            log.remember(article.id(), article.url(), state);
            return false;
        }
    }

    /** Counts one more deferral of item {@code id}; false once it has been put off often enough. */
    private boolean defer(String id) {
        if (deferrals.size() >= MAX_TRACKED_DEFERRALS) {
            deferrals.clear();
        }
        return deferrals.merge(id, 1, Integer::sum) <= MAX_DEFERRALS;
    }
}
