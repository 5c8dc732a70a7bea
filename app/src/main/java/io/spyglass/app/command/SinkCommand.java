package io.spyglass.app.command;

import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spyglass sink}: only the sink stage, against an existing cluster. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Delivers espionage stories from spyglass.enriched to spyglass.espionage (and --out FILE) on an existing cluster.")
public final class SinkCommand extends StreamsStageCommand<SinkStats, SinkApp> {
    @Mixin
    StageOptions.Out out;

    public SinkCommand() {
        super("sink", StreamsProbe::sink, Stages::sink, stats -> new Progress(null, null, stats));
    }
}
