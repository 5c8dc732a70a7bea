package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The options every stage command takes: where the configuration is and which cluster to use. */
public final class CommonOptions {
    /** The setting each option overrides, by option name: one table for every command and mixin. */
    private static final Map<String, String> SETTINGS = Map.of(
            "--bootstrap-servers", "kafka.bootstrap.servers",
            "--kafka-port", "embedded.port",
            "--data-dir", "data.dir",
            "--feeds", "feeds.file",
            "--allow-private-addresses", "fetch.allow-private-addresses",
            "--out", "sink.out");

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: config/spyglass.yaml if present).")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka cluster to use.")
    String bootstrapServers;

    /** The command these options are mixed into. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Loads the configuration, with every option of the command that was given on top as the setting it overrides. */
    SpyglassConfig load() {
        Map<String, String> flags = new HashMap<>();
        for (OptionSpec option : command.options()) {
            String key = SETTINGS.get(option.longestName());
            Object value = option.getValue();
            // a flag not given is false, and leaves its setting alone
            if (key != null && value != null && !Boolean.FALSE.equals(value)) {
                flags.put(key, value.toString());
            }
        }
        return SpyglassConfig.load(config, System.getenv(), flags);
    }

    /** The command line of the command these options are mixed into, for its errors. */
    CommandLine commandLine() {
        return command.commandLine();
    }

    /** Where the command prints its results. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }
}
