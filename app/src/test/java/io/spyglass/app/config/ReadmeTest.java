package io.spyglass.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.settings.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README documents what the code does; this keeps its configuration table and quick start from drifting. */
class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String TABLE_HEAD = "| key | environment | default | meaning |\n|---|---|---|---|\n";

    @Test
    void documentsEveryKeyOfEveryModuleWithItsEnvironmentVariableDefaultAndMeaningInTheKeyTablesOrder() throws Exception {
        String readme = Files.readString(README);
        String rows = SpyglassConfig.KEYS.stream().map(ReadmeTest::row).collect(Collectors.joining());

        assertThat(readme).contains(TABLE_HEAD + rows + "| `extract.sites.<host>.body` / `.remove` |");
    }

    @Test
    void noTwoKeysShareANameOrAnEnvironmentVariable() {
        assertThat(SpyglassConfig.KEYS).extracting(Key::key).doesNotHaveDuplicates();
        assertThat(SpyglassConfig.KEYS).extracting(Key::env).doesNotHaveDuplicates().allMatch(env -> env.startsWith("SPYGLASS_"));
    }

    @Test
    void quickStartHasExactlyTheTwoCommands() throws Exception {
        String readme = Files.readString(README);
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## How it works"));
        assertThat(quickStart).contains("```\n./spyglass run\n./mvnw verify\n```");
    }

    private static String row(Key k) {
        String def = k.defaultValue().isEmpty() ? "(empty)" : "`" + k.defaultValue() + "`";
        return "| `" + k.key() + "` | `" + k.env() + "` | " + def + " | " + k.meaning() + " |\n";
    }
}
