package io.spyglass.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tagging throughput by the thread's CPU time rather than the wall clock, which on a shared machine mostly
 * measures the wait for a core (see docs/BENCHMARKS.md). Each round tags every article of a JSON-lines file 20
 * times; the figure to read is the mean of the last ten rounds, when {@link Tagger#tag} is compiled.
 *
 * <p>Usage: {@code TaggerCpuLoop ARTICLES.jsonl ROUNDS}
 */
public final class TaggerCpuLoop {
    private static final int PASSES_PER_ROUND = 20;
    private static final int ROUNDS_AVERAGED = 10;

    private TaggerCpuLoop() {
    }

    public static void main(String[] args) throws IOException {
        List<String[]> articles = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode a = Json.MAPPER.readTree(line);
            String title = a.path("title").asText("");
            String text = a.path("text").asText("");
            articles.add(new String[] {title, text});
            bytes += (title + "\n" + text).getBytes(StandardCharsets.UTF_8).length;
        }
        int rounds = Integer.parseInt(args[1]);
        Tagger tagger = Tagger.loadDefault();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sumMbPerSecond = 0;
        int averaged = 0;
        long evidence = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
                for (String[] a : articles) {
                    // Used below, so that the JIT cannot drop the call.
                    evidence += tagger.tag(a[0], a[1]).evidence().size();
                }
            }
            double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            double mbPerSecond = PASSES_PER_ROUND * bytes / seconds / 1e6;
            if (round > rounds - ROUNDS_AVERAGED) {
                sumMbPerSecond += mbPerSecond;
                averaged++;
            }
            System.out.printf("round %d: %.0f articles/s %.1f MB/s%n", round,
                    PASSES_PER_ROUND * articles.size() / seconds, mbPerSecond);
        }
        double mean = sumMbPerSecond / averaged;
        System.out.printf("mean of the last %d rounds: %.1f MB/s (%.0f articles/s; %d evidence items)%n", averaged,
                mean, mean * 1e6 / ((double) bytes / articles.size()), evidence);
    }
}
