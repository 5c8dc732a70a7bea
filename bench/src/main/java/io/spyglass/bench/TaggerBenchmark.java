package io.spyglass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Json;
import io.spyglass.model.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of {@link Tagger#tag} on one thread, one article per operation, cycling through a JSON-lines
 * file of articles given as the {@code articles} parameter (not shipped; see docs/BENCHMARKS.md). Public
 * because JMH's generated code extends it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaggerBenchmark {
    @Param("")
    public String articles;

    private final Tagger tagger = Tagger.loadDefault();
    private final List<String[]> inputs = new ArrayList<>();
    private int next;

    @Setup
    public void read() throws IOException {
        for (String line : Files.readAllLines(Path.of(articles))) {
            if (!line.isBlank()) {
                JsonNode a = Json.MAPPER.readTree(line);
                inputs.add(new String[] {a.path("title").asText(""), a.path("text").asText("")});
            }
        }
    }

    @Benchmark
    public Tags tagOneArticle() {
        String[] a = inputs.get(next);
        next = next + 1 == inputs.size() ? 0 : next + 1;
        return tagger.tag(a[0], a[1]);
    }
}
