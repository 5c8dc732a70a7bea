package io.spyglass.ingest;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.fetch.RobotsCache;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ingest stage wired to Kafka: a {@link FeedPoller} over the feed list, writing articles to a
 * {@link KafkaArticleLog} and feed health to a {@link KafkaFeedStatusLog}, with the list re-read when its file changes.
 */
public final class IngestApp implements AutoCloseable {
    private static final long RELOAD_CHECK_SECONDS = 10;

    private final IngestConfig config;
    private final KafkaArticleLog log;
    private final KafkaFeedStatusLog statusLog;
    private final IngestService service;
    private final IngestStats stats = new IngestStats();
    private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spyglass-feeds-reload");
        t.setDaemon(true);
        return t;
    });

    public IngestApp(IngestConfig config) {
        this.config = config;
        this.log = new KafkaArticleLog(config.kafka(), config.topics(), "spyglass-ingest-" + config.instanceId());
        this.statusLog = new KafkaFeedStatusLog(config.kafka(), config.topics().feedStatus());
        Clock clock = Clock.systemUTC();
        Fetcher fetcher = new Fetcher(config.fetch(), config.fetch().newThrottle());
        RobotsCache robots = config.fetch().robots()
                ? new RobotsCache(fetcher, RobotsCache.robotName(config.fetch().userAgent()), clock) : null;
        FeedPoller poller = new FeedPoller(fetcher, robots, new ArticleExtractor(config.siteRules()), log, stats, clock);
        this.service = new IngestService(poller, config.feeds(), config.threads(), statusLog, clock);
    }

    /** Polls every feed once and returns when all are done. */
    public List<FeedPoll> pollOnce() throws InterruptedException {
        return service.pollOnce();
    }

    /** Polls every feed on its schedule until closed, picking up edits of the feed list file. */
    public void start() {
        service.start();
        if (config.feedsFile() != null) {
            FeedListWatcher watcher = new FeedListWatcher(config.feedsFile(), config.feedsInterval(), service::replaceFeeds);
            reloader.scheduleWithFixedDelay(watcher::check, RELOAD_CHECK_SECONDS, RELOAD_CHECK_SECONDS, TimeUnit.SECONDS);
        }
    }

    public IngestStats stats() {
        return stats;
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        service.close();
        statusLog.close();
        log.close();
    }
}
