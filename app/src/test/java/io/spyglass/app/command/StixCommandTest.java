package io.spyglass.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.Spyglass;
import io.spyglass.model.Country;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StixCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    private static String storyLine(int version, int sources) throws Exception {
        List<StorySource> list = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            list.add(new StorySource("a" + i, "https://outlet" + i + ".example/a", "Report " + i, "Outlet " + i,
                    new FeedRef("https://outlet" + i + ".example/feed", "Outlet " + i), T0.plusSeconds(i * 60L), T0, "en", "text",
                    List.of()));
        }
        Tags tags = new Tags(true, 0.9, List.of(new Country("RU", "Russia")), List.of(new Country("DE", "Germany")), List.of(),
                List.of("government"), List.of(), List.of(), List.of(), List.of(), "test/1");
        return Json.MAPPER.writeValueAsString(new Story(1, "story-1", version, "Ministry mail read for a year",
                list.get(0).url(), T0, list.get(sources - 1).published(), tags, list));
    }

    @Test
    void writesTheLatestVersionOfEachStoryOfTheOutFileAsOneBundle(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("stories.jsonl");
        Path output = dir.resolve("bundle.json");
        Files.writeString(input, String.join("\n", storyLine(1, 1), "{not a story", storyLine(3, 3), storyLine(2, 2), ""));

        int exit = new CommandLine(new Spyglass()).execute("stix", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).isZero();
        JsonNode bundle = Json.MAPPER.readTree(Files.readString(output));
        List<JsonNode> reports = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.get("type").asText().equals("report")) {
                reports.add(o);
            }
        });
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("external_references").findValuesAsText("url")).hasSize(3);
    }

    @Test
    void leavesOutAStoryMergedIntoAnother() throws Exception {
        Story merged = Json.MAPPER.readValue(storyLine(2, 2), Story.class);
        String mergedLine = Json.MAPPER.writeValueAsString(new Story(1, "story-2", 3, merged.title(), merged.url(),
                merged.firstSeen(), merged.lastSeen(), merged.tags(), merged.sources(), 0, "story-1"));
        String input = String.join("\n", storyLine(3, 3), mergedLine);

        List<Story> latest = StixCommand.latestVersions(new java.io.BufferedReader(new java.io.StringReader(input)));

        assertThat(latest).extracting(Story::storyId).containsExactly("story-1");
    }

    @Test
    void saysSoWhenTheInputCannotBeRead(@TempDir Path dir) {
        int exit = new CommandLine(new Spyglass()).execute("stix", "--input", dir.resolve("missing.jsonl").toString(),
                "--output", dir.resolve("bundle.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("bundle.json")).doesNotExist();
    }
}
