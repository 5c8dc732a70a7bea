package io.spyglass.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spyglass.model.Json;
import io.spyglass.model.Story;
import io.spyglass.sink.StixBundle;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code spyglass stix} command: stories (the sink's --out file, or JSON lines from the topic) as a STIX 2.1 bundle. */
@Command(name = "stix", mixinStandardHelpOptions = true,
        description = "Writes stories (JSON lines, as the sink's --out file has them) as one STIX 2.1 bundle, the latest "
                + "version of each story, for platforms that import STIX (OpenCTI, MISP).")
public final class StixCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StixCommand.class);

    @Mixin
    CommandFiles files;

    @Override
    public Integer call() {
        if (!files.inputReadable()) {
            return 2;
        }
        List<Story> stories;
        try (BufferedReader in = new BufferedReader(files.open())) {
            stories = latestVersions(in);
        } catch (IOException e) {
            LOG.error("Cannot read {}: {}", files.input, e.toString());
            return 2;
        }
        try (Writer out = new BufferedWriter(files.create())) {
            out.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(StixBundle.of(stories)));
            out.write('\n');
        } catch (IOException e) {
            LOG.error("Cannot write {}: {}", files.output, e.toString());
            return 2;
        }
        LOG.info("Wrote {} stories to {} as STIX 2.1", stories.size(), files.output);
        return 0;
    }

    /**
     * The highest version of each story in the lines, in order of first appearance, less the stories merged into
     * another (whose sources the other has); a line that is no story is skipped.
     */
    static List<Story> latestVersions(BufferedReader in) throws IOException {
        Map<String, Story> latest = new LinkedHashMap<>();
        CommandFiles.forEachLine(in, (lineNo, line) -> {
            try {
                Story story = Json.MAPPER.readValue(line, Story.class);
                latest.merge(story.storyId(), story, (a, b) -> b.version() >= a.version() ? b : a);
            } catch (JsonProcessingException e) {
                LOG.warn("Skipping line {}: not a story ({})", lineNo, e.getOriginalMessage());
            }
        });
        List<Story> out = new ArrayList<>(latest.values());
        out.removeIf(s -> s.mergedInto() != null);
        return out;
    }
}
