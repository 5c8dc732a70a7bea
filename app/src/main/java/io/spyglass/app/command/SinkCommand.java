package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.Stages;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkStats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spyglass sink}: only the sink stage, against an existing cluster. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Delivers espionage stories from spyglass.enriched to spyglass.espionage (and --out FILE) on an existing cluster.")
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    StageOptions.DataDir dataDir;

    @Mixin
    StageOptions.Out out;

    @Override
    public Integer call() throws Exception {
        SpyglassConfig config = Commands.requireCluster(common.load());
        StreamsProbe<SinkStats> probe = StreamsProbe.sink();
        return Commands.runStage("sink", config, probe, () -> {
            SinkApp sink = Stages.sink(config);
            probe.attach(sink::state, sink.failure(), sink.stats());
            sink.start();
            return new Commands.Running(sink, sink.failure(), new Progress(null, null, sink.stats()));
        });
    }
}
