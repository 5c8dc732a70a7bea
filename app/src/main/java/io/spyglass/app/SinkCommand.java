package io.spyglass.app;

import io.spyglass.sink.SinkApp;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spyglass sink}: only the sink stage, against an existing cluster. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Delivers espionage stories from spyglass.enriched to spyglass.espionage (and --out FILE) on an existing cluster.")
final class SinkCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Streams state (default: data).")
    Path dataDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Append each espionage story to FILE as a JSON line.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (dataDir != null) {
            flags.put(Setting.DATA_DIR, dataDir.toString());
        }
        if (out != null) {
            flags.put(Setting.OUT, out.toString());
        }
        SpyglassConfig config = Commands.requireCluster(common.load(flags));
        Commands.ensureTopics(config);
        SinkApp sink = Stages.sink(config);
        Progress progress = new Progress(null, null, sink.stats());
        sink.start();
        progress.start(15);
        return StageRunner.runUntilStopped("sink", () -> {
            progress.close();
            sink.close();
        });
    }
}
