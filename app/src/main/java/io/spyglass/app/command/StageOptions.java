package io.spyglass.app.command;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options several commands share, each one a picocli mixin; {@link CommonOptions#load()} turns every option a command
 * was given into the setting it overrides.
 */
public final class StageOptions {

    private StageOptions() {
    }

    /** {@code --feeds FILE}. */
    static final class Feeds {
        @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list (default: config/feeds.yaml).")
        Path file;
    }

    /** {@code --data-dir DIR}. */
    static final class DataDir {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker log and Streams state (default: data).")
        Path dir;
    }

    /** {@code --out FILE}. */
    static final class Out {
        @Option(names = "--out", paramLabel = "FILE", description = "Append each espionage story to FILE as a JSON line.")
        Path file;
    }

    /** {@code --feeds FILE} and {@code --allow-private-addresses}: what the commands that poll feeds take. */
    static final class Polling {
        @Mixin
        Feeds feeds;

        @Option(names = "--allow-private-addresses", description = "Allow fetching loopback, private and link-local addresses.")
        boolean allowPrivate;
    }
}
