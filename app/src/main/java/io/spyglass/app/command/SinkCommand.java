package io.spyglass.app.command;

import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.sink.SinkStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spyglass sink}: only the sink stage, against an existing cluster. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Delivers espionage stories from spyglass.enriched to spyglass.espionage (and --out FILE) on an existing cluster.")
public final class SinkCommand extends ConfiguredCommand {
    @Mixin
    StageOptions.DataDir dataDir;

    @Mixin
    StageOptions.Out out;

    @Override
    public Integer call() throws Exception {
        StreamsProbe<SinkStats> probe = StreamsProbe.sink();
        return Commands.runStage("sink", Commands.requireCluster(common.load()), probe, Stages::sink,
                sink -> probe.attach(sink::state, sink.failure(), sink.stats()),
                sink -> new Progress(null, null, sink.stats()));
    }
}
