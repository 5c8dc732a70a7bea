package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileTest {
    @TempDir
    Path dir;

    private static String line(String storyId, int version) {
        return "{\"storyId\":\"" + storyId + "\",\"version\":" + version + ",\"title\":\"t\"}";
    }

    private static byte[] json(String storyId, int version) {
        return line(storyId, version).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appendsOneLinePerStoryVersionAndNeverRepeatsOne() throws Exception {
        Path path = dir.resolve("out/stories.jsonl");
        try (JsonLinesFile file = JsonLinesFile.open(path, JsonLinesFile::storyKey)) {
            assertThat(file.append("a@1", json("a", 1))).isTrue();
            assertThat(file.append("b@1", json("b", 1))).isTrue();
            assertThat(file.append("a@2", json("a", 2))).isTrue();
            assertThat(file.append("a@1", json("a", 1))).isFalse();
        }
        assertThat(Files.readAllLines(path)).containsExactly(line("a", 1), line("b", 1), line("a", 2));
    }

    @Test
    void remembersStoryVersionsAcrossReopening() throws Exception {
        Path path = dir.resolve("stories.jsonl");
        try (JsonLinesFile file = JsonLinesFile.open(path, JsonLinesFile::storyKey)) {
            file.append("a@1", json("a", 1));
        }
        try (JsonLinesFile file = JsonLinesFile.open(path, JsonLinesFile::storyKey)) {
            assertThat(file.contains("a@1")).isTrue();
            assertThat(file.contains("a@2")).isFalse();
            assertThat(file.append("a@1", json("a", 1))).isFalse();
            assertThat(file.append("a@2", json("a", 2))).isTrue();
        }
        assertThat(Files.readAllLines(path)).containsExactly(line("a", 1), line("a", 2));
    }

    @Test
    void cutsOffATornLastLineLeftByACrash() throws Exception {
        Path path = dir.resolve("stories.jsonl");
        Files.writeString(path, line("a", 1) + "\n{\"storyId\":\"b\",\"vers");
        try (JsonLinesFile file = JsonLinesFile.open(path, JsonLinesFile::storyKey)) {
            assertThat(file.contains("a@1")).isTrue();
            assertThat(file.append("b@1", json("b", 1))).isTrue();
        }
        assertThat(Files.readAllLines(path)).containsExactly(line("a", 1), line("b", 1));
    }

    @Test
    void keysAStoryByIdAndVersion() throws Exception {
        assertThat(JsonLinesFile.storyKey(Json.MAPPER.readTree(line("s1", 3)))).isEqualTo("s1@3");
        assertThat(JsonLinesFile.storyKey(Json.MAPPER.readTree("{\"id\":\"article\"}"))).isNull();
    }
}
