package io.spyglass.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every file of the shared third-party feed corpus (../shared/data/feeds-corpus beside the repository, or the
 * directory in system property {@code spyglass.feedsCorpus}) through {@link FeedParser}: none may crash or hang. The
 * corpus is not part of the project, so the test is skipped where it is absent (CI). Writes the counts to
 * target/feeds-corpus.txt.
 */
class FeedCorpusTest {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCorpusTest.class);

    static Path corpus() {
        return Path.of(System.getProperty("spyglass.feedsCorpus", "../../shared/data/feeds-corpus"));
    }

    static boolean corpusPresent() {
        return Files.isRegularFile(corpus().resolve("index.tsv"));
    }

    @Test
    @EnabledIf("corpusPresent")
    void parsesOrCleanlyRefusesEveryCorpusFile() throws Exception {
        List<String> lines = Files.readAllLines(corpus().resolve("index.tsv"), StandardCharsets.UTF_8);
        Map<String, int[]> byFormat = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        int parsed = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            Path file = corpus().resolve(columns[0]);
            byte[] body = Files.readAllBytes(file);
            int[] counts = byFormat.computeIfAbsent(columns[1], f -> new int[2]);
            // RuntimeExceptions and Errors fail the test: only a FeedParseException is a clean refusal
            boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    FeedParser.parse(body, null, URI.create("https://corpus.example.com/feed"));
                    return true;
                } catch (FeedParseException e) {
                    refused.add(columns[0] + ": " + e.getMessage());
                    return false;
                }
            }, () -> "parsing " + file + " hung");
            counts[ok ? 0 : 1]++;
            parsed += ok ? 1 : 0;
        }
        StringBuilder report = new StringBuilder("files\t" + (lines.size() - 1) + "\nparsed\t" + parsed + "\nrefused\t"
                + refused.size() + "\n\nformat\tparsed\trefused\n");
        byFormat.forEach((format, c) -> report.append(format).append('\t').append(c[0]).append('\t').append(c[1]).append('\n'));
        report.append("\nrefused files:\n");
        refused.forEach(r -> report.append(r).append('\n'));
        Files.writeString(Path.of("target", "feeds-corpus.txt"), report);
        LOG.info("Feed corpus: {} of {} files parsed", parsed, lines.size() - 1);

        assertThat(parsed + refused.size()).isEqualTo(lines.size() - 1);
    }
}
