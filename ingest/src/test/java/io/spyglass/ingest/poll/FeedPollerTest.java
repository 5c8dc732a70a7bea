package io.spyglass.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spyglass.ingest.Fixtures;
import io.spyglass.ingest.IngestService;
import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.HostThrottle;
import io.spyglass.ingest.fetch.RobotsCache;
import io.spyglass.ingest.log.ArticleLog;
import io.spyglass.ingest.log.InMemoryArticleLog;
import io.spyglass.ingest.log.InMemoryFeedStatusLog;
import io.spyglass.ingest.poll.IngestStats.Count;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.ingest.seen.ItemState;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.FeedStatus;
import io.spyglass.testkit.LocalServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    private static final Instant NOW = Instant.parse("2024-07-01T12:00:00Z");

    private final LocalServer server = LocalServer.start();
    private final InMemoryArticleLog log = new InMemoryArticleLog();
    private final IngestStats stats = new IngestStats();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Fetcher fetcher = new Fetcher(FetchSettings.defaults().withUserAgent("SpyglassTest/1 (+https://example.com)")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withSizeLimits(1 << 20, 3)
            .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, true),
            new HostThrottle(4, Duration.ZERO), clock);
    private final FeedPoller poller = poller(log);
    private final InMemoryFeedStatusLog statuses = new InMemoryFeedStatusLog();

    private FeedPoller poller(ArticleLog articles) {
        return new FeedPoller(fetcher, new RobotsCache(fetcher, "spyglasstest", clock), ArticleExtractor.withDefaults(),
                articles, stats, clock, ItemLimits.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String rss(String... items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local desk</title>"
                + "<link>" + server.url("/") + "</link><description>d</description>");
        for (String path : items) {
            b.append("<item><title>Story ").append(path).append("</title><link>").append(path)
                    .append("</link><description>&lt;p&gt;Feed text of ").append(path).append(".&lt;/p&gt;</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    /** Long enough for the extractor to take it for an article rather than a stub. */
    private static final String PAGE_TEXT = "The page of story a tells the whole story in several sentences, the way a news "
            + "article does. It has far more words than the short summary in the feed, names the people involved, "
            + "and explains what happened, when it happened and why it matters to the readers of this site.";

    private FeedSource feed(String path) {
        return new FeedSource(server.url(path), "Local", Duration.ofMinutes(5));
    }

    @Test
    void publishesEachNewItemWithItsPageText() {
        server.serve("/feed", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html; charset=utf-8", "<html><body><article><h1>A</h1><p>" + PAGE_TEXT + "</p></article></body></html>");

        FeedPoll poll = poller.poll(feed("/feed"));

        assertThat(poll.ok()).isTrue();
        assertThat(poll.items()).isEqualTo(1);
        assertThat(poll.published()).isEqualTo(1);
        Article a = log.published().get(0);
        assertThat(a.url()).isEqualTo(server.url("/a").toString());
        assertThat(a.id()).isEqualTo(CanonicalUrl.id(server.url("/a").toString()));
        assertThat(a.title()).isEqualTo("Story /a");
        assertThat(a.text()).isEqualTo(PAGE_TEXT);
        assertThat(a.outcome()).isEqualTo(ExtractionOutcome.FULL);
        assertThat(a.feed()).isEqualTo(new FeedRef(server.url("/feed").toString(), "Local"));
        assertThat(a.fetched()).isEqualTo(NOW);
    }

    /** A feed of one item, /a, whose entry text is {@code summary}. */
    private String rssOfA(String summary) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local desk</title><link>" + server.url("/")
                + "</link><description>d</description><item><title>Story /a</title><link>/a</link><description>"
                + summary + "</description></item></channel></rss>";
    }

    private static String page(String text) {
        return "<html><body><article><h1>A</h1><p>" + text + "</p></article></body></html>";
    }

    private static final String UPDATE = " Update: the ministry has since confirmed that the attackers read diplomatic mail.";

    @Test
    void fetchesASeenPageAgainOnlyWhenItsEntryChangedAndPublishesNothingWhenItsTextDidNot() {
        server.serve("/feed", "application/rss+xml", rssOfA("First summary."))
                .serve("/a", "text/html; charset=utf-8", page(PAGE_TEXT));
        poller.poll(feed("/feed"));
        poller.poll(feed("/feed"));
        int unchangedEntryFetches = server.hits("/a");

        server.serve("/feed", "application/rss+xml", rssOfA("Edited summary."));
        FeedPoll edited = poller.poll(feed("/feed"));
        FeedPoll again = poller.poll(feed("/feed"));

        assertThat(unchangedEntryFetches).isEqualTo(1);
        assertThat(server.hits("/a")).isEqualTo(2);
        assertThat(edited.published()).isZero();
        assertThat(again.published()).isZero();
        assertThat(log.published()).extracting(Article::revision).containsExactly(1);
        assertThat(stats.get(Count.ITEMS_UNCHANGED)).isEqualTo(1);
    }

    @Test
    void publishesAChangedTextAsTheNextRevisionUnderTheSameId() {
        server.serve("/feed", "application/rss+xml", rssOfA("First summary."))
                .serve("/a", "text/html; charset=utf-8", page(PAGE_TEXT));
        poller.poll(feed("/feed"));

        server.serve("/feed", "application/rss+xml", rssOfA("Updated summary."))
                .serve("/a", "text/html; charset=utf-8", page(PAGE_TEXT + UPDATE));
        FeedPoll revised = poller.poll(feed("/feed"));
        FeedPoll after = poller.poll(feed("/feed"));

        String id = CanonicalUrl.id(server.url("/a").toString());
        assertThat(revised.published()).isEqualTo(1);
        assertThat(after.published()).isZero();
        assertThat(log.published()).extracting(Article::id, Article::revision, Article::text).containsExactly(
                tuple(id, 1, PAGE_TEXT),
                tuple(id, 2, PAGE_TEXT + UPDATE));
        assertThat(stats.get(Count.ARTICLES_REVISED)).isEqualTo(1);
        assertThat(server.hits("/a")).isEqualTo(2);
    }

    @Test
    void neverReplacesAPagesTextWithTheFeedsWhenThePageFailsOnARecheck() {
        server.serve("/feed", "application/rss+xml", rssOfA("First summary."))
                .serve("/a", "text/html; charset=utf-8", page(PAGE_TEXT));
        poller.poll(feed("/feed"));

        server.serve("/feed", "application/rss+xml", rssOfA("Updated summary."))
                .serve("/a", 404, "text/html", new byte[0]);
        poller.poll(feed("/feed"));
        poller.poll(feed("/feed"));

        assertThat(log.published()).extracting(Article::revision, Article::text).containsExactly(tuple(1, PAGE_TEXT));
        assertThat(server.hits("/a")).isEqualTo(2);
    }

    @Test
    void fallsBackToTheFeedTextWhenThePageFails() {
        server.serve("/feed", "application/rss+xml", rss("/missing", "/blocked"))
                .serve("/blocked", 403, "text/html", new byte[0]);

        poller.poll(feed("/feed"));

        assertThat(log.published()).extracting(Article::text, Article::outcome).containsExactly(
                tuple("Feed text of /missing.", ExtractionOutcome.SNIPPET_ONLY),
                tuple("Feed text of /blocked.", ExtractionOutcome.BLOCKED));
        assertThat(stats.get(Count.PAGES_FAILED)).isEqualTo(2);
    }

    @Test
    void neverFetchesAnItemItHasAlreadyPublished() {
        server.serve("/feed", "application/rss+xml", rss("/a", "/a?utm_source=rss"))
                .serve("/a", "text/html", "<p>Page text.</p>");

        FeedPoll first = poller.poll(feed("/feed"));
        FeedPoll second = poller.poll(feed("/feed"));

        assertThat(first.published()).isEqualTo(1);
        assertThat(second.published()).isZero();
        assertThat(server.hits("/feed")).isEqualTo(2);
        assertThat(server.hits("/a")).isEqualTo(1);
        assertThat(log.published()).hasSize(1);
        assertThat(stats.get(Count.ITEMS_ALREADY_SEEN)).isEqualTo(3);
    }

    @Test
    void reportsAFeedThatAnswersAnErrorStatus() {
        server.serve("/gone", 410, "text/html", new byte[0]);

        FeedPoll poll = poller.poll(feed("/gone"));

        assertThat(poll.ok()).isFalse();
        assertThat(poll.errorKind()).isEqualTo("HTTP_STATUS");
        assertThat(poll.error()).isEqualTo("HTTP 410");
        assertThat(stats.get(Count.FEEDS_FAILED)).isEqualTo(1);
    }

    @Test
    void reportsAFeedThatIsNotXml() {
        server.serve("/html", "text/html", "<!doctype html><html><body>Not a feed</body></html>");

        FeedPoll poll = poller.poll(feed("/html"));

        assertThat(poll.ok()).isFalse();
        assertThat(poll.errorKind()).isEqualTo("PARSE");
        assertThat(log.published()).isEmpty();
    }

    @Test
    void oneFailingFeedDoesNotStopTheOthers() throws Exception {
        server.serve("/good", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html", "<p>Page text.</p>")
                .serve("/broken", "application/rss+xml", "<rss><channel><item>")
                .serveDrip("/slow", Duration.ofMillis(50));
        List<FeedSource> feeds = List.of(feed("/broken"), feed("/slow"), feed("/missing"), feed("/good"));

        List<FeedPoll> polls;
        try (IngestService service = new IngestService(poller, feeds, 4, statuses, clock)) {
            polls = service.pollOnce();
        }

        assertThat(polls).extracting(FeedPoll::ok, FeedPoll::errorKind).containsExactly(
                tuple(false, "PARSE"),
                tuple(false, "TIMEOUT"),
                tuple(false, "HTTP_STATUS"),
                tuple(true, null));
        assertThat(log.published()).extracting(Article::url).containsExactly(server.url("/a").toString());
        assertThat(statuses.recorded()).containsExactlyInAnyOrder(
                new FeedStatus(1, server.url("/broken").toString(), NOW, null, 200, 0, 1, "PARSE",
                        "not a valid RSS/Atom feed: Invalid XML: Error on line 1: XML document structures must start and end within the same entity.",
                        null, null, null),
                new FeedStatus(1, server.url("/slow").toString(), NOW, null, 0, 0, 1, "TIMEOUT",
                        "no complete response from " + server.url("/slow") + " within 2 s", null, null, null),
                new FeedStatus(1, server.url("/missing").toString(), NOW, null, 404, 0, 1, "HTTP_STATUS", "HTTP 404", null, null, null),
                new FeedStatus(1, server.url("/good").toString(), NOW, NOW, 200, 1, 0, null, null, null, NOW, null));
    }

    @Test
    void answersAConditionalGetWithNotModifiedAndFetchesNoPages() {
        server.handle("/feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = rss("/a").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Mon, 01 Jul 2024 10:00:00 GMT");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }).serve("/a", "text/html", "<p>Page text.</p>");

        FeedPoll first = poller.poll(feed("/feed"));
        FeedPoll second = poller.poll(feed("/feed"), first.validators());

        assertThat(first.validators()).isEqualTo(new CacheValidators("\"v1\"", "Mon, 01 Jul 2024 10:00:00 GMT"));
        assertThat(second.status()).isEqualTo(FeedPoll.Status.NOT_MODIFIED);
        assertThat(second.httpStatus()).isEqualTo(304);
        assertThat(second.validators()).isEqualTo(first.validators());
        assertThat(server.hits("/a")).isEqualTo(1);
    }

    // https://github.com/spyglass-news/spyglass/issues/18 (item 6): a feed of 100k items was taken whole on every poll
    @Test
    void takesAtMostTheCapOfNewItemsAPollNewestFirstAndTheRestOnLaterPolls() {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Flood</title>");
        for (int i = 0; i < 25; i++) {
            // document order is oldest first, as some archives list them
            rss.append("<item><title>Story ").append(i).append("</title><link>").append(server.url("/s" + i))
                    .append("</link><pubDate>").append(String.format("%02d Jul 2024 12:00:00 GMT", i + 1))
                    .append("</pubDate></item>");
        }
        server.serve("/feed", 200, "application/rss+xml", rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8),
                "ETag", "\"v2\"");
        FeedPoller capped = new FeedPoller(fetcher, null, ArticleExtractor.withDefaults(), log, stats, clock, new ItemLimits(10, 1 << 16));
        CacheValidators old = new CacheValidators("\"v1\"", null);

        FeedPoll first = capped.poll(feed("/feed"), old);

        assertThat(first.published()).isEqualTo(10);
        assertThat(log.published()).extracting(Article::title).containsExactly("Story 24", "Story 23", "Story 22", "Story 21",
                "Story 20", "Story 19", "Story 18", "Story 17", "Story 16", "Story 15");
        assertThat(first.ok()).isTrue();
        assertThat(first.errorKind()).isNull();
        assertThat(first.error()).isEqualTo("took 10 new or changed items, the most a poll takes (ingest.max-items-per-feed); "
                + "15 older of the feed's 25 items wait for later polls");
        assertThat(first.validators()).as("validators kept while items wait").isEqualTo(old);

        FeedPoll second = capped.poll(feed("/feed"), first.validators());
        FeedPoll third = capped.poll(feed("/feed"), second.validators());

        assertThat(second.published()).isEqualTo(10);
        assertThat(third.published()).isEqualTo(5);
        assertThat(third.error()).isNull();
        assertThat(log.published()).hasSize(25);
        assertThat(third.validators()).isEqualTo(new CacheValidators("\"v2\"", null));
    }

    // https://github.com/spyglass-news/spyglass/issues/17: a poll builds at most twice the cap of a feed's items, the
    // newest and a slice of the backlog, which later polls move through until every item was taken
    @Test
    void readsAFeedLongerThanItsWindowSliceBySliceUntilEveryItemIsTaken() {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Archive</title>");
        for (int i = 0; i < 25; i++) {
            rss.append("<item><title>Story ").append(i).append("</title><link>").append(server.url("/s" + i))
                    .append("</link><pubDate>").append(String.format("%02d Jul 2024 12:00:00 GMT", i + 1))
                    .append("</pubDate></item>");
        }
        server.serve("/feed", 200, "application/rss+xml", rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8),
                "ETag", "\"v1\"");
        // the newest 3 and a slice of 3 older ones a poll
        FeedPoller capped = new FeedPoller(fetcher, null, ArticleExtractor.withDefaults(), log, stats, clock, new ItemLimits(3, 1 << 16));
        CacheValidators validators = CacheValidators.NONE;
        List<FeedPoll> polls = new java.util.ArrayList<>();
        for (int i = 0; i < 12 && log.published().size() < 25; i++) {
            FeedPoll poll = capped.poll(feed("/feed"), validators);
            polls.add(poll);
            validators = poll.validators();
        }

        assertThat(log.published()).extracting(Article::title).hasSize(25).doesNotHaveDuplicates();
        assertThat(polls).allSatisfy(p -> assertThat(p.published()).isLessThanOrEqualTo(3));
        assertThat(polls).extracting(FeedPoll::items).containsOnly(25);
        assertThat(polls.get(0).error()).isEqualTo("took 3 new or changed items, the most a poll takes "
                + "(ingest.max-items-per-feed); 22 older of the feed's 25 items wait for later polls");
        FeedPoll last = capped.poll(feed("/feed"), validators);
        assertThat(last.published()).isZero();
        assertThat(last.validators()).as("once every item was taken, the feed's validators are kept")
                .isEqualTo(new CacheValidators("\"v1\"", null));
    }

    // https://github.com/spyglass-news/spyglass/issues/17: seen marks expire after retention.seen; an item its feed still
    // lists has its mark written again once it is aging, so it is never fetched again for having expired
    @Test
    void writesTheAgingMarkOfAnItemStillListedAgainWithoutFetchingIt() {
        server.serve("/feed", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html; charset=utf-8", "<html><body><article><h1>A</h1><p>" + PAGE_TEXT + "</p></article></body></html>");
        java.util.concurrent.atomic.AtomicBoolean aging = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> remembered = new CopyOnWriteArrayList<>();
        InMemoryArticleLog articles = new InMemoryArticleLog() {
            @Override
            public boolean aging(String id) {
                return aging.get();
            }

            @Override
            public void remember(String id, String url, ItemState state) {
                remembered.add(url);
                super.remember(id, url, state);
            }
        };
        FeedPoller poller = poller(articles);
        poller.poll(feed("/feed"));
        ItemState state = articles.state(CanonicalUrl.id(server.url("/a").toString()));

        poller.poll(feed("/feed"));
        aging.set(true);
        poller.poll(feed("/feed"));

        assertThat(remembered).as("written again once, when aging").containsExactly(server.url("/a").toString());
        assertThat(articles.state(CanonicalUrl.id(server.url("/a").toString()))).isEqualTo(state);
        assertThat(articles.published()).hasSize(1);
        assertThat(server.hits("/a")).isEqualTo(1);
        assertThat(stats.get(Count.MARKS_REFRESHED)).isEqualTo(1);
    }

    // https://github.com/spyglass-news/spyglass/issues/17: an OutOfMemoryError in one feed's poll is that feed's error
    @Test
    void reportsAPollThatRunsOutOfHeapAsTheFeedsErrorAndPollsAgainLater() {
        server.serve("/feed", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html; charset=utf-8", "<html><body><article><h1>A</h1><p>" + PAGE_TEXT + "</p></article></body></html>");
        java.util.concurrent.atomic.AtomicBoolean exhausted = new java.util.concurrent.atomic.AtomicBoolean(true);
        InMemoryArticleLog articles = new InMemoryArticleLog() {
            @Override
            public ItemState state(String id) {
                if (exhausted.getAndSet(false)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return super.state(id);
            }
        };
        FeedPoller poller = poller(articles);

        FeedPoll failed = poller.poll(feed("/feed"));
        FeedPoll next = poller.poll(feed("/feed"));

        assertThat(failed.ok()).isFalse();
        assertThat(failed.errorKind()).isEqualTo("OUT_OF_MEMORY");
        assertThat(failed.error()).startsWith("ran out of heap memory while polling the feed (Java heap space)");
        assertThat(stats.get(Count.FEEDS_FAILED)).isEqualTo(1);
        assertThat(next.ok()).as("the next poll of the feed runs as usual").isTrue();
        assertThat(articles.published()).extracting(Article::url).containsExactly(server.url("/a").toString());
    }

    @Test
    void cutsAnUnboundedTitleInBytesAndSaysSo() {
        // a hostile feed: a 12,000-character headline in a three-byte script
        String title = "\u9632\u885b\u7701".repeat(4000);
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Long</title><item><title>" + title
                + "</title><link>" + server.url("/a") + "</link></item></channel></rss>";
        server.serve("/feed", 200, "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8))
                .serve("/a", "text/html", "<p>Page text.</p>");
        FeedPoller capped = new FeedPoller(fetcher, null, ArticleExtractor.withDefaults(), log, stats, clock, ItemLimits.defaults());

        FeedPoll poll = capped.poll(feed("/feed"), CacheValidators.NONE);

        assertThat(log.published()).singleElement().satisfies(a -> {
            assertThat(a.title().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(ItemLimits.MAX_TITLE_BYTES);
            assertThat(title).startsWith(a.title());
        });
        assertThat(poll.error()).contains("cut the title").contains("36000 to");
    }

    @Test
    void keepsTheOldValidatorsWhenAnItemCouldNotBeStored() {
        server.serve("/feed", 200, "application/rss+xml", rss("/a").getBytes(StandardCharsets.UTF_8), "ETag", "\"v2\"")
                .serve("/a", "text/html", "<p>Page text.</p>");
        ArticleLog failing = new ArticleLog() {
            @Override
            public ItemState state(String id) {
                return null;
            }

            @Override
            public void publish(Article article, ItemState state) throws PublishException {
                throw new PublishException("broker down", null);
            }

            @Override
            public void remember(String id, String url, ItemState state) throws PublishException {
                throw new PublishException("broker down", null);
            }

            @Override
            public void close() {
            }
        };
        CacheValidators old = new CacheValidators("\"v1\"", null);

        FeedPoll poll = poller(failing).poll(feed("/feed"), old);

        assertThat(poll.status()).isEqualTo(FeedPoll.Status.OK);
        assertThat(poll.validators()).isEqualTo(old);
    }

    @Test
    void reportsRateLimitingWithTheServersRetryAfterAndSparesTheHostUntilThen() {
        server.serve("/feed", 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8), "Retry-After", "120")
                .serve("/other", "application/rss+xml", rss());

        FeedPoll limited = poller.poll(feed("/feed"));
        FeedPoll sameHost = poller.poll(feed("/other"));

        assertThat(limited.errorKind()).isEqualTo("RATE_LIMITED");
        assertThat(limited.httpStatus()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(sameHost.errorKind()).isEqualTo("RATE_LIMITED");
        assertThat(sameHost.retryAfter()).isPositive();
        assertThat(server.hits("/other")).isZero();
    }

    @Test
    void readsARetryAfterDateAgainstTheInjectedClock() {
        server.serve("/feed", 503, "text/plain", new byte[0], "Retry-After", "Mon, 01 Jul 2024 12:02:00 GMT");

        FeedPoll limited = poller.poll(feed("/feed"));

        assertThat(limited.errorKind()).isEqualTo("RATE_LIMITED");
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void obeysRobotsTxtForPagesAndPublishesTheFeedTextAsBlocked() {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
                .serve("/feed", "application/rss+xml", rss("/private/a", "/public/b"))
                .serve("/private/a", "text/html", "<p>Secret page.</p>")
                .serve("/public/b", "text/html", "<html><body><article><p>" + PAGE_TEXT + "</p></article></body></html>");

        poller.poll(feed("/feed"));

        assertThat(log.published()).extracting(Article::text, Article::outcome).containsExactly(
                tuple("Feed text of /private/a.", ExtractionOutcome.BLOCKED),
                tuple(PAGE_TEXT, ExtractionOutcome.FULL));
        assertThat(server.hits("/private/a")).isZero();
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void putsOffAnItemWhosePageIsRateLimitedInsteadOfLosingItsText() {
        server.serve("/feed", 200, "application/rss+xml", rss("/busy").getBytes(StandardCharsets.UTF_8), "ETag", "\"v1\"")
                .serve("/busy", 503, "text/html", new byte[0], "Retry-After", "0");

        FeedPoll poll = poller.poll(feed("/feed"));

        assertThat(poll.published()).isZero();
        assertThat(poll.validators()).isEqualTo(CacheValidators.NONE);
        assertThat(log.published()).isEmpty();
        assertThat(log.seen(CanonicalUrl.id(server.url("/busy").toString()))).isFalse();
    }

    /** A home page that announces {@code feeds} in its head, as sites do for browsers and feed readers. */
    private static String homePage(String... feeds) {
        StringBuilder head = new StringBuilder("<!DOCTYPE html><html><head><title>Desk</title>");
        for (String feed : feeds) {
            head.append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Desk\" href=\"").append(feed).append("\">");
        }
        return head.append("</head><body><h1>Latest</h1></body></html>").toString();
    }

    @Test
    void pollsTheFeedAnHtmlPageAnnouncesAndThenThatFeedDirectly() {
        server.serve("/", "text/html; charset=utf-8", homePage("/feed", "/comments/feed"))
                .serve("/feed", "application/rss+xml", rss("/a"))
                .serve("/comments/feed", "application/rss+xml", rss("/comment-1"))
                .serve("/a", "text/html; charset=utf-8", page(PAGE_TEXT));

        FeedPoll first = poller.poll(feed("/"));
        FeedPoll second = poller.poll(feed("/"));

        assertThat(first.ok()).isTrue();
        assertThat(first.published()).isEqualTo(1);
        assertThat(first.linkedFeed()).isEqualTo(server.url("/feed"));
        assertThat(log.published()).extracting(Article::url).containsExactly(server.url("/a").toString());
        assertThat(log.published().get(0).feed().url()).isEqualTo(server.url("/").toString());
        assertThat(second.ok()).isTrue();
        assertThat(server.hits("/")).isEqualTo(1);
        assertThat(server.hits("/feed")).isEqualTo(2);
        assertThat(server.hits("/comments/feed")).isZero();
        assertThat(FeedPoller.check(fetcher, feed("/"), clock).linkedFeed()).isEqualTo(server.url("/feed"));
    }

    @Test
    void looksAtThePageAgainWhenTheFeedItAnnouncedIsGone() {
        server.serve("/", "text/html; charset=utf-8", homePage("/old-feed"))
                .serve("/old-feed", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html; charset=utf-8", page(PAGE_TEXT));
        poller.poll(feed("/"));
        server.serve("/old-feed", 404, "text/html", new byte[0])
                .serve("/", "text/html; charset=utf-8", homePage("/new-feed"))
                .serve("/new-feed", "application/rss+xml", rss("/a", "/b"));

        FeedPoll gone = poller.poll(feed("/"));
        FeedPoll found = poller.poll(feed("/"));

        assertThat(gone.ok()).isFalse();
        assertThat(gone.httpStatus()).isEqualTo(404);
        assertThat(found.ok()).isTrue();
        assertThat(found.items()).isEqualTo(2);
        assertThat(server.hits("/")).isEqualTo(2);
    }

    @Test
    void saysSoWhenAnHtmlPageAnnouncesNoFeed() {
        server.serve("/", "text/html; charset=utf-8", homePage());

        FeedPoll poll = poller.poll(feed("/"));

        assertThat(poll.ok()).isFalse();
        assertThat(poll.errorKind()).isEqualTo("PARSE");
        assertThat(poll.error()).startsWith("not a feed: got an HTML page that announces no feed");
    }

    @Test
    void sendsTheFeedsConfiguredHeadersWithItsRequestsButNotWithArticlePages() {
        List<String> keys = new CopyOnWriteArrayList<>();
        byte[] body = rss("/a").getBytes(StandardCharsets.UTF_8);
        server.handle("/intel", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            keys.add("feed " + key);
            boolean allowed = "k-1".equals(key);
            exchange.sendResponseHeaders(allowed ? 200 : 401, allowed ? body.length : -1);
            if (allowed) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        }).handle("/a", exchange -> {
            keys.add("page " + exchange.getRequestHeaders().getFirst("X-Api-Key"));
            byte[] page = page(PAGE_TEXT).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });

        FeedPoll without = poller.poll(feed("/intel"));
        FeedPoll with = poller.poll(new FeedSource(server.url("/intel"), "Intel", Duration.ofMinutes(5), Map.of("X-Api-Key", "k-1")));

        assertThat(without.httpStatus()).isEqualTo(401);
        assertThat(with.published()).isEqualTo(1);
        assertThat(keys).containsExactly("feed null", "feed k-1", "page null");
    }

    @Test
    void checkFetchesAndParsesWithoutPublishing() {
        server.serve("/feed", "application/rss+xml", rss("/a", "/b"));

        FeedPoll poll = FeedPoller.check(fetcher, feed("/feed"), clock);

        assertThat(poll.status()).isEqualTo(FeedPoll.Status.OK);
        assertThat(poll.items()).isEqualTo(2);
        assertThat(server.hits("/a") + server.hits("/b")).isZero();
        assertThat(log.published()).isEmpty();
    }

    @Test
    void recordsAClearStatusForEveryKindOfHostileFeedAndKeepsGoing() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[8 << 20]);
        }
        server.serve("/xxe", 200, "application/rss+xml", Fixtures.feed("xxe.xml"))
                .serve("/laughs", 200, "application/rss+xml", Fixtures.feed("billion-laughs.xml"))
                .serve("/bomb", 200, "application/rss+xml", zipped.toByteArray(), "Content-Encoding", "gzip")
                .serveLarge("/huge", 100L << 20)
                .redirect("/loop1", 302, "/loop2").redirect("/loop2", 302, "/loop1")
                .redirect("/internal", 302, "http://127.0.0.2:" + server.port() + "/feed")
                .serve("/html", "text/html", "<!DOCTYPE html><html><body>hi</body></html>")
                .serve("/good", "application/rss+xml", rss("/a"))
                .serve("/a", "text/html", "<p>Page text.</p>");
        // a 429 would back the whole test host off, so rate limiting has its own test
        List<String> paths = List.of("/xxe", "/laughs", "/bomb", "/huge", "/loop1", "/internal", "/html", "/good");

        try (IngestService service = new IngestService(poller, paths.stream().map(this::feed).toList(), 4, statuses, clock)) {
            service.pollOnce();
        }

        String doctype = "not a valid RSS/Atom feed: Invalid XML: Error on line 2: DOCTYPE is disallowed when the feature "
                + "\"http://apache.org/xml/features/disallow-doctype-decl\" set to true.";
        assertThat(statuses.recorded()).extracting(FeedStatus::url, FeedStatus::errorClass, FeedStatus::message)
                .containsExactlyInAnyOrder(
                        tuple(server.url("/xxe").toString(), "PARSE", doctype),
                        tuple(server.url("/laughs").toString(), "PARSE", doctype),
                        tuple(server.url("/bomb").toString(), "TOO_LARGE", server.url("/bomb") + " decompresses to more than 1048576 bytes"),
                        tuple(server.url("/huge").toString(), "TOO_LARGE", server.url("/huge") + " is larger than 1048576 bytes"),
                        tuple(server.url("/loop1").toString(), "TOO_MANY_REDIRECTS", "more than 3 redirects from " + server.url("/loop1")),
                        tuple(server.url("/internal").toString(), "FORBIDDEN_ADDRESS", "host '127.0.0.2' resolves to a loopback "
                                + "address 127.0.0.2 (refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)"),
                        tuple(server.url("/html").toString(), "PARSE", "not a feed: got an HTML page that announces no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON Feed type)"),
                        tuple(server.url("/good").toString(), null, null));
        assertThat(log.published()).extracting(Article::url).containsExactly(server.url("/a").toString());
    }

    @Test
    void recordsAPageThatIsNotHtmlAsNotHtmlWithTheFeedText() {
        server.serve("/feed", "application/rss+xml", rss("/report.pdf"))
                .serve("/report.pdf", 200, "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));

        poller.poll(feed("/feed"));

        assertThat(log.published()).extracting(Article::text, Article::outcome)
                .containsExactly(tuple("Feed text of /report.pdf.", ExtractionOutcome.NOT_HTML));
    }
}
