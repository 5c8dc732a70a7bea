package io.spyglass.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.Spyglass;
import io.spyglass.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TagCommandTest {

    @Test
    void tagsEveryGoodLineAndSkipsBadOnes(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Path output = dir.resolve("out.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\":\"a1\",\"title\":\"Kremlin-backed hackers breached ministry\",\"text\":\"Russian military "
                        + "intelligence hackers broke into the foreign ministry network and stole diplomatic cables "
                        + "in a cyber espionage campaign.\",\"source\":\"ignored\"}",
                "{not json",
                "[1, 2]",
                "",
                "{\"id\":\"a2\",\"title\":\"Local team wins the cup\",\"text\":\"The final ended 2-1.\"}"));

        int exit = new CommandLine(new Spyglass()).execute("tag", "--input", input.toString(),
                "--output", output.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("a1", "a2");
        assertThat(lines).extracting(n -> n.get("espionage").asBoolean()).containsExactly(true, false);
        JsonNode first = lines.get(0);
        assertThat(first.get("attributed").get(0).get("code").asText()).isEqualTo("RU");
        assertThat(first.get("attributed").get(0).get("name").asText()).isEqualTo("Russia");
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(lines).extracting(n -> n.get("language").asText()).containsExactly("en", "en");
        assertThat(fields).containsExactly("id", "language", "espionage", "score", "attributed", "victims", "actors", "sectors",
                "malware", "cves", "techniques", "evidence", "tagger");
    }

    @Test
    void failsWithoutTaggingWhenTheInputCannotBeRead(@TempDir Path dir) {
        int exit = new CommandLine(new Spyglass()).execute("tag", "--input", dir.resolve("missing.jsonl").toString(),
                "--output", dir.resolve("out.jsonl").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void failsWhenTheOutputCannotBeWritten(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"a\",\"title\":\"t\",\"text\":\"x\"}\n");

        int exit = new CommandLine(new Spyglass()).execute("tag", "--input", input.toString(),
                "--output", dir.resolve("missing/dir/out.jsonl").toString());

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void failsOnAnInvalidTaxonomy(@TempDir Path dir) throws IOException {
        Path taxonomy = dir.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, "threshold: [\n");
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\":\"a\",\"title\":\"t\",\"text\":\"x\"}\n");

        int exit = new CommandLine(new Spyglass()).execute("tag", "--input", input.toString(),
                "--output", dir.resolve("out.jsonl").toString(), "--taxonomy", taxonomy.toString());

        assertThat(exit).isEqualTo(2);
    }
}
