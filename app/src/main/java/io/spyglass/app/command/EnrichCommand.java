package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichStats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spyglass enrich}: only the enrich stage, against an existing cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Tags articles from spyglass.articles into spyglass.enriched (Kafka Streams) on an existing cluster.")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StageOptions.DataDir dataDir;

    @Override
    public Integer call() throws Exception {
        SpyglassConfig config = Commands.requireCluster(common.load());
        StreamsProbe<EnrichStats> probe = StreamsProbe.enrich();
        return Commands.runStage("enrich", config, probe, () -> {
            EnrichApp enrich = Stages.enrich(config);
            probe.attach(enrich::state, enrich.failure(), enrich.stats());
            enrich.start();
            return new Commands.Running(enrich, enrich.failure(), new Progress(null, enrich.stats(), null));
        });
    }
}
