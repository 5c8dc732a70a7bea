package io.spyglass.app;

import io.spyglass.enrich.EnrichApp;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spyglass enrich}: only the enrich stage, against an existing cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Tags articles from spyglass.articles into spyglass.enriched (Kafka Streams) on an existing cluster.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Streams state (default: data).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (dataDir != null) {
            flags.put(Setting.DATA_DIR, dataDir.toString());
        }
        SpyglassConfig config = Commands.requireCluster(common.load(flags));
        Commands.ensureTopics(config);
        EnrichApp enrich = Stages.enrich(config);
        Progress progress = new Progress(null, enrich.stats(), null);
        enrich.start();
        progress.start(15);
        return StageRunner.runUntilStopped("enrich", () -> {
            progress.close();
            enrich.close();
        });
    }
}
