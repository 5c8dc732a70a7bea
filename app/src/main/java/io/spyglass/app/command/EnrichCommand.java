package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.HealthEndpoint;
import io.spyglass.app.health.HealthServer;
import io.spyglass.app.health.ProcessHealth;
import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.StageRunner;
import io.spyglass.app.stage.Stages;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichStats;
import java.util.List;
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
        SpyglassConfig config = Commands.requireCluster(common.load(dataDir));
        StreamsProbe<EnrichStats> probe = StreamsProbe.enrich();
        try (HealthServer endpoint = HealthEndpoint.start(config, new ProcessHealth(List.of(probe)))) {
            Commands.ensureTopics(config);
            EnrichApp enrich = Stages.enrich(config);
            probe.attach(enrich::state, enrich.failure(), enrich.stats());
            Progress progress = new Progress(null, enrich.stats(), null);
            enrich.start();
            progress.start(15);
            return StageRunner.runUntilStopped("enrich", () -> {
                progress.close();
                enrich.close();
            }, enrich.failure());
        }
    }
}
