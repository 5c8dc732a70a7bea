package io.spyglass.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.Article;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.Tags;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost of {@link Fingerprints#of}, the sink's largest per-article cost after the story index, by the
 * thread's CPU time. Each round fingerprints every article of a JSON-lines file ({@code {"id","title","text"}}) 20
 * times; the figure to read is the mean of the last five rounds.
 *
 * <p>Usage: {@code FingerprintCpuLoop ARTICLES.jsonl ROUNDS}. In the sink's package, not the bench's, because it times
 * the package-private fingerprint itself, not a public call around it.
 */
public final class FingerprintCpuLoop {
    private static final int PASSES_PER_ROUND = 20;
    private static final int ROUNDS_AVERAGED = 5;

    private FingerprintCpuLoop() {
    }

    public static void main(String[] args) throws IOException {
        Tags tags = new Tags(true, 1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), "loop");
        Instant now = Instant.now();
        List<EnrichedArticle> articles = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                JsonNode a = Json.MAPPER.readTree(line);
                articles.add(new EnrichedArticle(new Article(1, a.path("id").asText(), "https://loop.example/",
                        a.path("title").asText(""), now, new FeedRef("https://loop.example/feed", "loop"),
                        a.path("text").asText(""), ExtractionOutcome.FULL, "en", List.of(), now), tags));
            }
        }
        int rounds = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sumMicros = 0;
        long checksum = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
                for (EnrichedArticle a : articles) {
                    checksum += Fingerprints.of(a).simhash(); // used below, so the JIT keeps the call
                }
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / PASSES_PER_ROUND / articles.size();
            if (round > rounds - ROUNDS_AVERAGED) {
                sumMicros += micros;
            }
            System.out.printf("round %d: %.1f µs per article%n", round, micros);
        }
        System.out.printf("mean of the last %d rounds: %.1f µs per article (%d articles; checksum %d)%n", ROUNDS_AVERAGED,
                sumMicros / ROUNDS_AVERAGED, articles.size(), checksum);
    }
}
