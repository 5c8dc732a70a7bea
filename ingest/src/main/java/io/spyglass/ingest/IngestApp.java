package io.spyglass.ingest;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.fetch.Fetcher;
import java.time.Clock;
import java.util.List;

/** The ingest stage wired to Kafka: a {@link FeedPoller} over the feed list, writing to a {@link KafkaArticleLog}. */
public final class IngestApp implements AutoCloseable {
    private final KafkaArticleLog log;
    private final IngestService service;
    private final IngestStats stats = new IngestStats();

    public IngestApp(IngestConfig config) {
        this.log = new KafkaArticleLog(config.kafka(), config.topics(), "spyglass-ingest-" + config.instanceId());
        FeedPoller poller = new FeedPoller(new Fetcher(config.fetch()), new ArticleExtractor(config.siteRules()), log,
                stats, Clock.systemUTC());
        this.service = new IngestService(poller, config.feeds(), config.threads());
    }

    /** Polls every feed once and returns when all are done. */
    public List<FeedPoll> pollOnce() throws InterruptedException {
        return service.pollOnce();
    }

    /** Polls every feed on its interval until closed. */
    public void start() {
        service.start();
    }

    public IngestStats stats() {
        return stats;
    }

    @Override
    public void close() {
        service.close();
        log.close();
    }
}
