package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.IngestProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.IngestStats;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spyglass ingest}: only the ingest stage, against an existing cluster. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Polls the feeds and produces articles to spyglass.articles on an existing Kafka cluster.")
public final class IngestCommand extends FeedPollingCommand {
    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Option(names = "--once", description = "Poll every feed once, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        SpyglassConfig config = Commands.requireCluster(common.load());
        List<FeedSource> feedList = Stages.feeds(config);
        if (once) {
            Commands.ensureTopics(config);
            try (IngestApp ingest = Stages.ingest(config, feedList)) {
                List<FeedPoll> polls = ingest.pollOnce();
                LOG.info("Polled {} feeds ({} failed), {} new articles", polls.size(), polls.stream().filter(p -> !p.ok()).count(),
                        ingest.stats().get(IngestStats.Count.ARTICLES_PRODUCED));
            }
            return 0;
        }
        IngestProbe probe = new IngestProbe();
        return Commands.runStage("ingest", config, probe, c -> Stages.ingest(c, feedList), probe::attach,
                ingest -> new Progress(ingest.stats(), null, null));
    }
}
