package io.spyglass.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.app.Spyglass;
import io.spyglass.app.config.SpyglassConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommonOptionsTest {

    /** The configuration {@code args} give their command, parsed as the CLI parses them but not run. */
    private static SpyglassConfig load(String... args) {
        CommandLine.ParseResult parsed = new CommandLine(new Spyglass()).parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return ((ConfiguredCommand) parsed.commandSpec().userObject()).common.load();
    }

    @Test
    void everyOptionOfRunOverridesTheSettingItNames() {
        SpyglassConfig config = load("run", "--bootstrap-servers", "broker:9093", "--kafka-port", "0", "--data-dir", "d",
                "--feeds", "f.yaml", "--out", "o.jsonl", "--allow-private-addresses");

        assertThat(config.cluster().kafka()).containsEntry("bootstrap.servers", "broker:9093");
        assertThat(config.embedded().port()).isZero();
        assertThat(config.embedded().dataDir()).isEqualTo(Path.of("d"));
        assertThat(config.ingest().feedsFile()).isEqualTo(Path.of("f.yaml"));
        assertThat(config.sink().out()).isEqualTo(Path.of("o.jsonl"));
        assertThat(config.ingest().fetch().addresses().allowPrivate()).isTrue();
    }

    @Test
    void optionsNotGivenLeaveTheDefaults() {
        SpyglassConfig config = load("feeds", "check");

        assertThat(config.usesEmbeddedBroker()).isTrue();
        assertThat(config.ingest().feedsFile()).isEqualTo(Path.of("config", "feeds.yaml"));
        assertThat(config.ingest().fetch().addresses().allowPrivate()).isFalse();
        assertThat(config.health().address()).isEqualTo(new InetSocketAddress("127.0.0.1", 8081));
    }
}
