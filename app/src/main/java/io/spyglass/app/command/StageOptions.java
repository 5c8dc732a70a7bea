package io.spyglass.app.command;

import io.spyglass.app.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options several commands share, each one a picocli mixin that knows the setting it overrides. */
public final class StageOptions {

    private StageOptions() {
    }

    /** An option that, when given, overrides a setting. */
    interface Flag {
        void addTo(Map<Setting, String> flags);
    }

    /** {@code --feeds FILE}. */
    static final class Feeds implements Flag {
        @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list (default: config/feeds.yaml).")
        Path file;

        @Override
        public void addTo(Map<Setting, String> flags) {
            if (file != null) {
                flags.put(Setting.FEEDS_FILE, file.toString());
            }
        }
    }

    /** {@code --data-dir DIR}. */
    static final class DataDir implements Flag {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker log and Streams state (default: data).")
        Path dir;

        @Override
        public void addTo(Map<Setting, String> flags) {
            if (dir != null) {
                flags.put(Setting.DATA_DIR, dir.toString());
            }
        }
    }

    /** {@code --out FILE}. */
    static final class Out implements Flag {
        @Option(names = "--out", paramLabel = "FILE", description = "Append each espionage story to FILE as a JSON line.")
        Path file;

        @Override
        public void addTo(Map<Setting, String> flags) {
            if (file != null) {
                flags.put(Setting.OUT, file.toString());
            }
        }
    }

    /** {@code --allow-private-addresses}. */
    static final class AllowPrivate implements Flag {
        @Option(names = "--allow-private-addresses", description = "Allow fetching loopback, private and link-local addresses.")
        boolean allow;

        @Override
        public void addTo(Map<Setting, String> flags) {
            if (allow) {
                flags.put(Setting.ALLOW_PRIVATE, "true");
            }
        }
    }
}
