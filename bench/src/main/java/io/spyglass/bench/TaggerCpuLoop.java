package io.spyglass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.enrich.tag.Language;
import io.spyglass.enrich.tag.Tagger;
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
 * measures the wait for a core (see docs/BENCHMARKS.md). Each round tags every article of each JSON-lines file
 * 20 times, in the article's language (its {@code lang} field; English without one), then detects each
 * article's language as many times; the figure to read is the mean of the last ten rounds, when the code is
 * compiled. The files take turns within each round, so that all see the same machine.
 *
 * <p>Usage: {@code TaggerCpuLoop ARTICLES.jsonl ROUNDS [MORE_ARTICLES.jsonl ...]}
 */
public final class TaggerCpuLoop {
    private static final int PASSES_PER_ROUND = 20;
    private static final int ROUNDS_AVERAGED = 10;

    private TaggerCpuLoop() {
    }

    private record Article(String title, String text, String language) {
    }

    private record Corpus(Path file, List<Article> articles, long bytes) {
        static Corpus read(Path file) throws IOException {
            List<Article> articles = new ArrayList<>();
            long bytes = 0;
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a = Json.MAPPER.readTree(line);
                Article article = new Article(a.path("title").asText(""), a.path("text").asText(""),
                        a.path("lang").asText("en"));
                articles.add(article);
                bytes += (article.title() + "\n" + article.text()).getBytes(StandardCharsets.UTF_8).length;
            }
            return new Corpus(file, articles, bytes);
        }
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[1]);
        List<Corpus> corpora = new ArrayList<>();
        corpora.add(Corpus.read(Path.of(args[0])));
        for (int i = 2; i < args.length; i++) {
            corpora.add(Corpus.read(Path.of(args[i])));
        }
        Tagger tagger = Tagger.loadDefault();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] tagSeconds = new double[corpora.size()];
        double[] detectSeconds = new double[corpora.size()];
        long evidence = 0;
        for (int round = 1; round <= rounds; round++) {
            for (int c = 0; c < corpora.size(); c++) {
                List<Article> articles = corpora.get(c).articles();
                long start = threads.getCurrentThreadCpuTime();
                for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
                    for (Article a : articles) {
                        // Used below, so that the JIT cannot drop the call.
                        evidence += tagger.tag(a.title(), a.text(), a.language()).evidence().size();
                    }
                }
                long tagged = threads.getCurrentThreadCpuTime();
                for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
                    for (Article a : articles) {
                        evidence += Language.detect(a.title(), a.text(), null).length();
                    }
                }
                long detected = threads.getCurrentThreadCpuTime();
                if (round > rounds - ROUNDS_AVERAGED) {
                    tagSeconds[c] += (tagged - start) / 1e9;
                    detectSeconds[c] += (detected - tagged) / 1e9;
                }
            }
            System.out.printf("round %d of %d%n", round, rounds);
        }
        int averaged = Math.min(rounds, ROUNDS_AVERAGED);
        System.out.printf("mean of the last %d rounds (%d evidence items):%n", averaged, evidence);
        for (int c = 0; c < corpora.size(); c++) {
            Corpus corpus = corpora.get(c);
            double n = (double) averaged * PASSES_PER_ROUND * corpus.articles().size();
            double bytes = (double) averaged * PASSES_PER_ROUND * corpus.bytes();
            System.out.printf("%s: %d articles, %.0f B mean; tag %.0f articles/s %.1f MB/s; detect %.0f "
                            + "articles/s (%.0f µs each)%n", corpus.file().getFileName(), corpus.articles().size(),
                    (double) corpus.bytes() / corpus.articles().size(), n / tagSeconds[c],
                    bytes / tagSeconds[c] / 1e6, n / detectSeconds[c], detectSeconds[c] / n * 1e6);
        }
    }
}
