package io.spyglass.ingest.poll;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.ingest.fetch.FetchException;
import io.spyglass.ingest.fetch.FetchedResource;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.RobotsCache;
import io.spyglass.ingest.log.ArticleLog;
import io.spyglass.ingest.poll.IngestStats.Count;
import io.spyglass.ingest.poll.PollOutcome.ErrorKind;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.ingest.seen.Fingerprints;
import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one feed item: publishes it when not seen before, as a revision when its entry and its page's text changed,
 * or marks it seen again; shared by every worker, so that two feeds listing one story fetch it once.
 */
final class ItemPublisher {
    // the poller's logger: its per-poll lines are configured (logback.xml) and shown under that one name
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
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

    /** What became of one item. */
    enum Result { PUBLISHED, SEEN, DEFERRED }

    /** A page fetch was cancelled: the poll stops where it is, publishing nothing more. */
    static final class PollCancelled extends RuntimeException {
        PollCancelled(FetchException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** @param robots robots.txt rules checked before each page fetch, or null to fetch pages without asking */
    ItemPublisher(Fetcher fetcher, RobotsCache robots, ArticleExtractor extractor, ArticleLog log, IngestStats stats,
                  Clock clock, ItemLimits limits) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.robots = robots;
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.log = Objects.requireNonNull(log, "log");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Works {@code item} of {@code feed}; {@code polled} holds the ids this poll already looked at.
     *
     * @throws PollCancelled when its page fetch was cancelled (ingest stopping)
     * @throws ArticleLog.PublishException when it could not be stored; it stays unseen
     */
    Result publishIfNew(FeedItem item, FeedRef feed, Set<String> polled, ItemProblems problems)
            throws ArticleLog.PublishException {
        String id = CanonicalUrl.id(item.link().toString());
        ItemState known = log.state(id);
        long entry = Fingerprints.entry(item);
        boolean again = !polled.add(id);
        if (known != null && (again || known.knows(entry))) {
            stats.add(Count.ITEMS_ALREADY_SEEN);
            if (!again && log.aging(id)) {
                refresh(id, item, known);
            }
            return Result.SEEN;
        }
        // two feeds often list the same story: while one worker fetches it, the other leaves it to the next poll
        if (!inFlight.add(id)) {
            return Result.DEFERRED;
        }
        try {
            // another worker may have published it between the look above and taking it
            ItemState current = log.state(id);
            if (current != null && current.knows(entry)) {
                stats.add(Count.ITEMS_ALREADY_SEEN);
                return Result.SEEN;
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
            stats.add(Count.MARKS_REFRESHED);
        } catch (ArticleLog.PublishException e) {
            LOG.debug("Could not write the seen mark of {} again: {}", item.link(), e.getMessage());
        }
    }

    /** Fetches the item's page and publishes it: new when {@code known} is null, else as a revision if its text changed. */
    private Result fetchAndPublish(FeedItem item, FeedRef feed, String id, ItemState known, long entry,
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
                return Result.DEFERRED;
            } else {
                pageOutcome = response.status() == 403 || response.status() == 401 ? ExtractionOutcome.BLOCKED
                        : ExtractionOutcome.SNIPPET_ONLY;
                LOG.warn("Page {} answered HTTP {}; using the feed's text", item.link(), response.status());
                stats.add(Count.PAGES_FAILED);
            }
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.CANCELLED) {
                // ingest is stopping: the item stays unseen, rather than be published with the feed's text
                throw new PollCancelled(e);
            }
            if (e.kind() == FetchException.Kind.RATE_LIMITED && defer(id)) {
                LOG.info("Page {} put off: {}", item.link(), e.getMessage());
                return Result.DEFERRED;
            }
            if (e.kind() == FetchException.Kind.ROBOTS) {
                pageOutcome = ExtractionOutcome.BLOCKED;
            }
            stats.add(Count.PAGES_FAILED);
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
                return Result.SEEN;
            }
            stats.add(Count.ARTICLES_PRODUCED);
            LOG.debug("Published {} ({}, {})", article.url(), article.outcome(), article.id());
            return Result.PUBLISHED;
        }
        // a revision never swaps a page's text for the feed's snippet because the page failed this time
        if (text == known.text() || article.outcome() != ExtractionOutcome.FULL) {
            log.remember(id, article.url(), known.withEntry(entry));
            stats.add(Count.ITEMS_UNCHANGED);
            LOG.debug("Entry of {} changed, its text did not ({})", article.url(), article.outcome());
            return Result.SEEN;
        }
        ItemState revised = known.revised(entry, text);
        if (!publishOrRefuse(article.withRevision(revised.revision()), revised, problems)) {
            return Result.SEEN;
        }
        stats.add(Count.ARTICLES_PRODUCED);
        stats.add(Count.ARTICLES_REVISED);
        LOG.debug("Published revision {} of {} ({})", revised.revision(), article.url(), article.id());
        return Result.PUBLISHED;
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
            stats.add(Count.ARTICLES_TRUNCATED);
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
            stats.add(Count.ARTICLES_TOO_LARGE);
            problems.failed(ErrorKind.RECORD_TOO_LARGE, e.getMessage() + "; marked seen without the article, so it is not fetched again");
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
