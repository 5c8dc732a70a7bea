package io.spyglass.ingest;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.feedlist.FeedListWatcher;
import io.spyglass.ingest.feedlist.FeedOwnership;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.RobotsCache;
import io.spyglass.ingest.log.KafkaArticleLog;
import io.spyglass.ingest.log.KafkaFeedStatusLog;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.FeedPoller;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.model.DaemonThreads;
import io.spyglass.model.FeedStatus;
import io.spyglass.model.Stage;
import io.spyglass.model.settings.ClusterSettings;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The ingest stage wired to Kafka: a {@link FeedPoller} over this instance's share of the feed list
 * ({@link FeedOwnership}), writing articles to a {@link KafkaArticleLog} and feed health to a
 * {@link KafkaFeedStatusLog}; made with {@link #watchingFeedsFile}, it re-reads the list when its file changes.
 */
public final class IngestApp implements Stage {
    private static final long RELOAD_CHECK_SECONDS = 10;

    private final ClusterSettings cluster;
    private final IngestSettings settings;
    private final boolean watchFeedsFile;
    private final KafkaArticleLog log;
    private final KafkaFeedStatusLog statusLog;
    private final IngestService service;
    private final Fetcher fetcher;
    private final IngestStats stats = new IngestStats();
    private volatile List<FeedSource> allFeeds;
    private volatile FeedOwnership ownership;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("spyglass-feeds-reload"));

    /**
     * An instance polling its share of {@code feeds}, a fixed list.
     *
     * @param instanceId unique per running instance; names its transactional producer, after the deployment's ingest
     *                   group ({@link ClusterSettings#ingestGroupId()}), so two deployments on one cluster neither split
     *                   each other's feeds nor fence each other's producers
     */
    public IngestApp(ClusterSettings cluster, IngestSettings settings, List<FeedSource> feeds, String instanceId) {
        this(cluster, settings, feeds, instanceId, false);
    }

    /** As the constructor, with {@code feeds} read from {@link IngestSettings#feedsFile()} and re-read when it changes. */
    public static IngestApp watchingFeedsFile(ClusterSettings cluster, IngestSettings settings, List<FeedSource> feeds,
                                              String instanceId) {
        return new IngestApp(cluster, settings, feeds, instanceId, true);
    }

    private IngestApp(ClusterSettings cluster, IngestSettings settings, List<FeedSource> feeds, String instanceId,
                      boolean watchFeedsFile) {
        this.cluster = cluster;
        this.settings = settings;
        Objects.requireNonNull(instanceId, "instanceId");
        this.watchFeedsFile = watchFeedsFile;
        this.log = new KafkaArticleLog(cluster.kafka(), cluster.topics(), cluster.ingestGroupId() + "-" + instanceId,
                cluster.retention().seen());
        this.statusLog = new KafkaFeedStatusLog(cluster.kafka(), cluster.topics().feedStatus());
        Clock clock = Clock.systemUTC();
        FetchSettings fetch = settings.fetch();
        this.fetcher = new Fetcher(fetch, fetch.newThrottle(), clock);
        RobotsCache robots = fetch.robots() ? new RobotsCache(fetcher, RobotsCache.robotName(fetch.userAgent()), clock) : null;
        FeedPoller poller = new FeedPoller(fetcher, robots, new ArticleExtractor(settings.siteRules()), log, stats, clock,
                settings.limits());
        this.allFeeds = List.copyOf(feeds);
        this.service = new IngestService(poller, allFeeds, settings.threads(), statusLog, clock);
    }

    /** Polls every feed once and returns when all are done. */
    public List<FeedPoll> pollOnce() throws InterruptedException {
        return service.pollOnce();
    }

    /** Polls every feed on its schedule until closed, picking up edits of the feed list file if it watches it. */
    @Override
    public synchronized void start() {
        // polling starts with no feeds; the group hands this instance its share within seconds
        service.replaceFeeds(List.of());
        service.start();
        ownership = new FeedOwnership(cluster.kafka(), cluster.topics().feedStatus(), cluster.ingestGroupId(), owner -> share(),
                service::resume);
        ownership.failure().thenAccept(failure::complete);
        ownership.start();
        if (watchFeedsFile) {
            FeedListWatcher watcher = new FeedListWatcher(settings.feedsFile(), settings.feedsInterval(), this::reload);
            reloader.scheduleWithFixedDelay(watcher::check, RELOAD_CHECK_SECONDS, RELOAD_CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Takes a new feed list: this instance's share of it is polled, and the feeds it owned that left the list are forgotten. */
    private synchronized void reload(List<FeedSource> feeds) {
        FeedOwnership owner = ownership;
        Set<URI> listed = feeds.stream().map(FeedSource::url).collect(Collectors.toSet());
        List<FeedSource> gone = allFeeds.stream().filter(f -> !listed.contains(f.url()) && owner.owns(f)).toList();
        allFeeds = feeds;
        share();
        gone.forEach(f -> statusLog.forget(f.url().toString()));
    }

    // synchronized: the group thread and the reload thread both share, and the later list must win
    private synchronized void share() {
        FeedOwnership owner = ownership;
        service.replaceFeeds(allFeeds.stream().filter(owner::owns).toList());
    }

    /**
     * Completes with the cause when this instance has stopped polling for good (it can no longer learn its share of
     * the feed list), so that the process can exit and be restarted rather than run on doing nothing.
     */
    @Override
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    /**
     * True from {@link #start()} until {@link #close()}; the constructor has initialised the transactional producer and
     * loaded the seen ids by then, so a polling instance is ready to publish.
     */
    public boolean polling() {
        return service.running();
    }

    /**
     * Why this instance cannot store articles now (Kafka unreachable, its transactional producer being replaced), or
     * null while it can: the items it meets meanwhile stay unseen and are retried.
     */
    public String storeProblem() {
        return log.problem();
    }

    /** The latest health of each feed this instance polls. */
    public List<FeedStatus> feedStatuses() {
        return service.statuses();
    }

    /** The feeds this instance polls now. */
    public List<FeedSource> feeds() {
        return service.feeds();
    }

    public IngestStats stats() {
        return stats;
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        // stop polling and flush the last statuses before leaving the group, so the next owner reads them
        // closing the service interrupts its workers, which cancels their fetches; the fetcher's connections go next
        service.close();
        fetcher.close();
        statusLog.close();
        if (ownership != null) {
            ownership.close();
        }
        log.close();
    }
}
