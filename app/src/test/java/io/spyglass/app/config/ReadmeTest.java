package io.spyglass.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents what the code does; this keeps its configuration table and quick start from drifting. */
class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void documentsEverySettingWithItsEnvironmentVariableAndDefault() throws Exception {
        String readme = Files.readString(README);
        for (Setting s : Setting.values()) {
            String def = s.defaultValue.isEmpty() ? "(empty)" : "`" + s.defaultValue + "`";
            assertThat(readme).as(s.key).contains("| `" + s.key + "` | `" + s.env + "` | " + def + " |");
        }
    }

    @Test
    void quickStartHasExactlyTheTwoCommands() throws Exception {
        String readme = Files.readString(README);
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## How it works"));
        assertThat(quickStart).contains("```\n./spyglass run\n./mvnw verify\n```");
    }
}
