package io.spyglass.app.command;

import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichStats;
import picocli.CommandLine.Command;

/** {@code spyglass enrich}: only the enrich stage, against an existing cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Tags articles from spyglass.articles into spyglass.enriched (Kafka Streams) on an existing cluster.")
public final class EnrichCommand extends StreamsStageCommand<EnrichStats, EnrichApp> {
    public EnrichCommand() {
        super("enrich", StreamsProbe::enrich, Stages::enrich, stats -> new Progress(null, stats, null));
    }
}
