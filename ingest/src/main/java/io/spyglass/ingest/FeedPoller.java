package io.spyglass.ingest;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.ingest.feed.FeedParseException;
import io.spyglass.ingest.feed.FeedParser;
import io.spyglass.ingest.feed.ParsedFeed;
import io.spyglass.ingest.fetch.FetchException;
import io.spyglass.ingest.fetch.FetchedResource;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one feed: fetches and parses it, then fetches, extracts and publishes every item not seen before. */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final Fetcher fetcher;
    private final ArticleExtractor extractor;
    private final ArticleLog log;
    private final IngestStats stats;
    private final Clock clock;

    public FeedPoller(Fetcher fetcher, ArticleExtractor extractor, ArticleLog log, IngestStats stats, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.log = Objects.requireNonNull(log, "log");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Polls {@code source} once. Never throws: every failure is logged and returned in the result. */
    public FeedPoll poll(FeedSource source) {
        long start = System.nanoTime();
        ParsedFeed feed;
        try {
            FetchedResource response = fetcher.get(source.url(), FEED_ACCEPT);
            if (response.status() != 200) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + response.status());
            }
            feed = FeedParser.parse(response.body(), response.contentType(), response.url());
        } catch (FetchException e) {
            return failed(source, e.kind().name(), e.getMessage(), start);
        } catch (FeedParseException e) {
            return failed(source, "PARSE", e.getMessage(), start);
        }
        stats.feedsPolled.incrementAndGet();
        FeedRef ref = new FeedRef(source.url().toString(), source.name() != null ? source.name() : feed.title());
        int published = 0;
        for (FeedItem item : feed.items()) {
            try {
                if (publishIfNew(item, ref)) {
                    published++;
                }
            } catch (ArticleLog.PublishException e) {
                LOG.warn("Feed {}: could not store {}; it will be retried on the next poll: {}", source.url(), item.link(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Feed {}: skipped item {}: {}", source.url(), item.link(), e.toString());
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Polled {}: {} items, {} new, in {} ms", source.url(), feed.items().size(), published, millis);
        return new FeedPoll(source, true, feed.items().size(), published, null, null, millis);
    }

    private FeedPoll failed(FeedSource source, String kind, String message, long start) {
        stats.feedsFailed.incrementAndGet();
        LOG.warn("Feed {} failed ({}): {}", source.url(), kind, message);
        return new FeedPoll(source, false, 0, 0, message, kind, (System.nanoTime() - start) / 1_000_000);
    }

    private boolean publishIfNew(FeedItem item, FeedRef feed) throws ArticleLog.PublishException {
        String id = CanonicalUrl.id(item.link().toString());
        if (log.seen(id)) {
            stats.itemsAlreadySeen.incrementAndGet();
            return false;
        }
        ExtractedPage page = null;
        ExtractionOutcome pageOutcome = ExtractionOutcome.SNIPPET_ONLY;
        try {
            FetchedResource response = fetcher.get(item.link(), PAGE_ACCEPT);
            if (response.status() == 200) {
                page = extractor.extract(response.body(), response.url(), response.contentType());
            } else {
                pageOutcome = response.status() == 403 || response.status() == 401 ? ExtractionOutcome.BLOCKED
                        : ExtractionOutcome.SNIPPET_ONLY;
                LOG.warn("Page {} answered HTTP {}; using the feed's text", item.link(), response.status());
                stats.pagesFailed.incrementAndGet();
            }
        } catch (FetchException e) {
            stats.pagesFailed.incrementAndGet();
            LOG.warn("Page {} failed ({}): {}; using the feed's text", item.link(), e.kind(), e.getMessage());
        }
        Article article = ArticleAssembler.assemble(item, feed, page, pageOutcome, clock.instant());
        log.publish(article);
        stats.articlesPublished.incrementAndGet();
        LOG.debug("Published {} ({}, {})", article.url(), article.outcome(), article.id());
        return true;
    }
}
