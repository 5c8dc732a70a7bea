package io.spyglass.app.command;

import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.enrich.EnrichStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spyglass enrich}: only the enrich stage, against an existing cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Tags articles from spyglass.articles into spyglass.enriched (Kafka Streams) on an existing cluster.")
public final class EnrichCommand extends ConfiguredCommand {
    @Mixin
    StageOptions.DataDir dataDir;

    @Override
    public Integer call() throws Exception {
        StreamsProbe<EnrichStats> probe = StreamsProbe.enrich();
        return Commands.runStage("enrich", Commands.requireCluster(common.load()), probe, Stages::enrich,
                enrich -> probe.attach(enrich::state, enrich.failure(), enrich.stats()),
                enrich -> new Progress(null, enrich.stats(), null));
    }
}
