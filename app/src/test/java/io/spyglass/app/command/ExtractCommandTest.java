package io.spyglass.app.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.Spyglass;
import io.spyglass.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTest {

    private static final String PAGE = "<html lang=\"en\"><head><title>Spies in the grid | Grid Times</title>"
            + "<meta property=\"article:published_time\" content=\"2026-03-03T09:30:00Z\">"
            + "<link rel=\"canonical\" href=\"https://gridtimes.example/spies\"></head><body><nav><a href=\"/\">Home</a></nav>"
            + "<article><h1>Spies in the grid</h1><p>A state-backed group spent eight months inside the network of a "
            + "regional energy operator, investigators said on Tuesday.</p></article></body></html>";

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerPageSortedByPath() throws IOException {
        Files.writeString(dir.resolve("b.html"), PAGE);
        Files.createDirectories(dir.resolve("sub"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("sub/a.html.gz")))) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("c.htm"), "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        Path output = dir.resolve("out.jsonl");

        int exit = execute("extract", "--input", dir.toString(), "--output", output.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("b", "c", "a");
        JsonNode first = lines.get(0);
        assertThat(first.get("title").asText()).isEqualTo("Spies in the grid");
        assertThat(first.get("text").asText()).isEqualTo("A state-backed group spent eight months inside the network "
                + "of a regional energy operator, investigators said on Tuesday.");
        assertThat(first.get("published").asText()).isEqualTo("2026-03-03T09:30:00Z");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.get("canonicalUrl").asText()).isEqualTo("https://gridtimes.example/spies");
        assertThat(first.get("outcome").asText()).isEqualTo("FULL");
        assertThat(first.get("authors").isArray()).isTrue();
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("EMPTY");
        assertThat(lines.get(2).get("text")).isEqualTo(first.get("text"));
    }

    @Test
    void acceptsASingleFile() throws IOException {
        Path page = dir.resolve("story.html");
        Files.writeString(page, PAGE);
        Path output = dir.resolve("one.jsonl");

        int exit = execute("extract", "--input", page.toString(), "--output", output.toString());

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(output)).hasSize(1)
                .allSatisfy(line -> assertThat(Json.MAPPER.readTree(line).get("id").asText()).isEqualTo("story"));
    }

    @Test
    void failsOnAMissingInput() {
        int exit = execute("extract", "--input", dir.resolve("missing").toString(), "--output", "-");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void failsOnADirectoryWithoutPages() {
        int exit = execute("extract", "--input", dir.toString(), "--output", "-");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void failsOnAnOutputInAMissingDirectory() throws IOException {
        Files.writeString(dir.resolve("story.html"), PAGE);

        int exit = execute("extract", "--input", dir.toString(), "--output", dir.resolve("no/such/out.jsonl").toString());

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void failsWithoutOutput() {
        int exit = execute("extract", "--input", dir.toString());

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void derivesIdsFromFileNames() {
        assertThat(ExtractCommand.id(Path.of("x/0a1b.html.gz"))).isEqualTo("0a1b");
        assertThat(ExtractCommand.id(Path.of("story.HTM"))).isEqualTo("story");
    }

    private static int execute(String... args) {
        var cmd = new CommandLine(new Spyglass());
        cmd.setErr(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }
}
