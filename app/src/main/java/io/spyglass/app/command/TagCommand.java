package io.spyglass.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Json;
import io.spyglass.model.Tags;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code spyglass tag} command: tags a JSON-lines file of articles with the cyber-espionage tagger. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tags articles ({\"id\",\"title\",\"text\"} per line) as cyber-espionage or not, with evidence.")
public final class TagCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(TagCommand.class);

    @Mixin
    CommandFiles files;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "extra taxonomy YAML laid over the bundled one")
    Path taxonomy;

    @Override
    public Integer call() {
        Tagger tagger;
        try {
            tagger = taxonomy == null ? Tagger.loadDefault() : Tagger.load(taxonomy);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        if (!files.inputReadable()) {
            return 2;
        }
        try (BufferedReader in = new BufferedReader(files.open());
             Writer out = new BufferedWriter(files.create())) {
            long[] counts = tag(tagger, in, out);
            LOG.info("Tagged {} articles ({} espionage), skipped {} bad lines", counts[0], counts[1], counts[2]);
        } catch (IOException e) {
            LOG.error("Cannot tag {} into {}: {}", files.input, files.output, e.toString());
            return 2;
        }
        return 0;
    }

    /** Tags every line; returns the counts of tagged articles, espionage verdicts and skipped lines. */
    static long[] tag(Tagger tagger, BufferedReader in, Writer out) throws IOException {
        long[] counts = new long[3];
        CommandFiles.forEachLine(in, (lineNo, line) -> {
            JsonNode article = article(line, lineNo);
            if (article == null) {
                counts[2]++;
                return;
            }
            JsonNode declared = article.path("language");
            Tagger.Tagging tagging = tagger.tagDetecting(article.path("title").asText(""), article.path("text").asText(""),
                    declared.isTextual() ? declared.asText() : null);
            Tags tags = tagging.tags();
            out.write(Json.MAPPER.writeValueAsString(result(article.path("id").asText(), tagging.language(), tags)));
            out.write('\n');
            counts[0]++;
            if (tags.espionage()) {
                counts[1]++;
            }
        });
        return counts;
    }

    /** The article on line {@code lineNo}, or null (logged) when it is not an object with a string id. */
    private static JsonNode article(String line, long lineNo) {
        JsonNode article;
        try {
            article = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            LOG.warn("Skipping line {}: not valid JSON ({})", lineNo, e.getOriginalMessage());
            return null;
        }
        if (article == null || !article.isObject() || !article.path("id").isTextual()) {
            LOG.warn("Skipping line {}: expected an object with a string \"id\"", lineNo);
            return null;
        }
        return article;
    }

    private static ObjectNode result(String id, String language, Tags tags) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("language", language);
        node.setAll((ObjectNode) Json.MAPPER.valueToTree(tags));
        return node;
    }
}
