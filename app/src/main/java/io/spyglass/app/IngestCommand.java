package io.spyglass.app;

import io.spyglass.ingest.FeedPoll;
import io.spyglass.ingest.FeedSource;
import io.spyglass.ingest.IngestApp;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spyglass ingest}: only the ingest stage, against an existing cluster. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Polls the feeds and produces articles to spyglass.articles on an existing Kafka cluster.")
final class IngestCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list (default: config/feeds.yaml).")
    Path feeds;

    @Option(names = "--once", description = "Poll every feed once, then exit.")
    boolean once;

    @Option(names = "--allow-private-addresses", description = "Allow fetching loopback, private and link-local addresses.")
    boolean allowPrivateAddresses;

    @Override
    public Integer call() throws Exception {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (feeds != null) {
            flags.put(Setting.FEEDS_FILE, feeds.toString());
        }
        if (allowPrivateAddresses) {
            flags.put(Setting.ALLOW_PRIVATE, "true");
        }
        SpyglassConfig config = Commands.requireCluster(common.load(flags));
        List<FeedSource> feedList = Stages.feeds(config);
        Commands.ensureTopics(config);
        IngestApp ingest = Stages.ingest(config, feedList);
        if (once) {
            try (ingest) {
                List<FeedPoll> polls = ingest.pollOnce();
                LOG.info("Polled {} feeds ({} failed), {} new articles", polls.size(),
                        polls.stream().filter(p -> !p.ok()).count(), ingest.stats().articlesPublished());
            }
            return 0;
        }
        Progress progress = new Progress(ingest.stats(), null, null);
        progress.start(15);
        ingest.start();
        return StageRunner.runUntilStopped("ingest", () -> {
            progress.close();
            ingest.close();
        });
    }
}
