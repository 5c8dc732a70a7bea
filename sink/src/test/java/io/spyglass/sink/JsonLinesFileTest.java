package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {
    @TempDir
    Path dir;

    private static byte[] json(String id) {
        return ("{\"id\":\"" + id + "\",\"title\":\"t\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appendsOneLinePerIdAndNeverRepeatsAnId() throws Exception {
        Path path = dir.resolve("out/stories.jsonl");
        try (JsonLinesFile file = JsonLinesFile.open(path)) {
            assertThat(file.append("a", json("a"))).isTrue();
            assertThat(file.append("b", json("b"))).isTrue();
            assertThat(file.append("a", json("a"))).isFalse();
        }
        assertThat(Files.readAllLines(path)).containsExactly("{\"id\":\"a\",\"title\":\"t\"}", "{\"id\":\"b\",\"title\":\"t\"}");
    }

    @Test
    void remembersIdsAcrossReopening() throws Exception {
        Path path = dir.resolve("stories.jsonl");
        try (JsonLinesFile file = JsonLinesFile.open(path)) {
            file.append("a", json("a"));
        }
        try (JsonLinesFile file = JsonLinesFile.open(path)) {
            assertThat(file.contains("a")).isTrue();
            assertThat(file.append("a", json("a"))).isFalse();
            assertThat(file.append("c", json("c"))).isTrue();
        }
        assertThat(Files.readAllLines(path)).hasSize(2);
    }

    @Test
    void cutsOffATornLastLineLeftByACrash() throws Exception {
        Path path = dir.resolve("stories.jsonl");
        Files.writeString(path, "{\"id\":\"a\"}\n{\"id\":\"b\",\"tit");
        try (JsonLinesFile file = JsonLinesFile.open(path)) {
            assertThat(file.contains("a")).isTrue();
            assertThat(file.contains("b")).isFalse();
            assertThat(file.append("b", json("b"))).isTrue();
        }
        assertThat(Files.readAllLines(path)).containsExactly("{\"id\":\"a\"}", "{\"id\":\"b\",\"title\":\"t\"}");
    }
}
