package io.spyglass.app.command;

import io.spyglass.app.config.Setting;
import io.spyglass.app.config.SpyglassConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every stage command takes: where the configuration is and which cluster to use. */
public final class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: config/spyglass.yaml if present).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka cluster to use.")
    String bootstrapServers;

    /** Loads the configuration with these options and the given command's flags on top. */
    SpyglassConfig load(StageOptions.Flag... more) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        if (bootstrapServers != null) {
            flags.put(Setting.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        for (StageOptions.Flag flag : more) {
            flag.addTo(flags);
        }
        return SpyglassConfig.load(config, System.getenv(), flags);
    }
}
