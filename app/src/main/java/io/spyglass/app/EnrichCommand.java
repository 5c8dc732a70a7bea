package io.spyglass.app;

import io.spyglass.enrich.EnrichApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spyglass enrich}: only the enrich stage, against an existing cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Tags articles from spyglass.articles into spyglass.enriched (Kafka Streams) on an existing cluster.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StageOptions.DataDir dataDir;

    @Override
    public Integer call() throws Exception {
        SpyglassConfig config = Commands.requireCluster(common.load(dataDir));
        Commands.ensureTopics(config);
        EnrichApp enrich = Stages.enrich(config);
        Progress progress = new Progress(null, enrich.stats(), null);
        enrich.start();
        progress.start(15);
        return StageRunner.runUntilStopped("enrich", () -> {
            progress.close();
            enrich.close();
        }, enrich.failure());
    }
}
