package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.health.HealthEndpoint;
import io.spyglass.app.health.HealthServer;
import io.spyglass.app.health.ProcessHealth;
import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.app.stage.StageRunner;
import io.spyglass.app.stage.Stages;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkStats;
import java.util.List;
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
        SpyglassConfig config = Commands.requireCluster(common.load(dataDir, out));
        StreamsProbe<SinkStats> probe = StreamsProbe.sink();
        try (HealthServer endpoint = HealthEndpoint.start(config, new ProcessHealth(List.of(probe)))) {
            Commands.ensureTopics(config);
            SinkApp sink = Stages.sink(config);
            probe.attach(sink::state, sink.failure(), sink.stats());
            Progress progress = new Progress(null, null, sink.stats());
            sink.start();
            progress.start(15);
            return StageRunner.runUntilStopped("sink", () -> {
                progress.close();
                sink.close();
            }, sink.failure());
        }
    }
}
