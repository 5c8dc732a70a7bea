package io.spyglass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import de.l3s.boilerpipe.BoilerpipeProcessingException;
import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.model.Json;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Runs Spyglass's extractor, readability4j, boilerpipe and an all-{@code <p>} jsoup baseline over the
 * extraction dev set on one thread, and prints pages/s, MB/s and snippet F1 for each from the same run.
 */
public final class ExtractionBench {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionBench.class);
    private static final int MEASURED_PASSES = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.-]+)");

    /** One dev page: id, URL (may be null) and raw bytes. */
    record Page(String id, String url, byte[] bytes) {
    }

    /** One extractor under test: a name and a function from page to text. */
    record Candidate(String name, Function<Page, String> extract) {
    }

    /** One output line in the dev set's prediction format. */
    record Prediction(String id, String text) {
    }

    /** One result row. */
    record Row(String name, double pagesPerSecond, double megabytesPerSecond, SnippetScore score) {
    }

    private ExtractionBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ExtractionBench DEV_DIR [OUT_DIR] [extractor,...]");
            System.exit(2);
        }
        Path dev = Path.of(args[0]);
        Path out = Path.of(args.length > 1 ? args[1] : "bench/target/bench-out");
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        Files.createDirectories(out);

        List<SnippetScore.Truth> truth = readTruth(dev.resolve("truth.jsonl"));
        List<Page> pages = readPages(dev, truth);
        long bytes = pages.stream().mapToLong(p -> p.bytes().length).sum();
        LOG.info("Loaded {} pages, {} MB", pages.size(), bytes / 1_000_000);

        var spyglass = ArticleExtractor.withDefaults();
        List<Candidate> candidates = List.of(
                new Candidate("spyglass", p -> spyglass.extract(p.bytes(), uri(p.url()), null).text()),
                new Candidate("readability4j", ExtractionBench::readability4j),
                new Candidate("boilerpipe", ExtractionBench::boilerpipe),
                new Candidate("all-p", ExtractionBench::allParagraphs));

        List<Row> rows = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            // One pass warms the JIT up. Of the measured passes the fastest counts: on a shared machine the
            // slower ones measure the neighbours. CPU time of this thread, not wall time, for the same reason.
            run(c, pages);
            Map<String, String> texts = null;
            double seconds = Double.MAX_VALUE;
            for (int pass = 0; pass < MEASURED_PASSES; pass++) {
                long start = THREADS.getCurrentThreadCpuTime();
                texts = run(c, pages);
                seconds = Math.min(seconds, (THREADS.getCurrentThreadCpuTime() - start) / 1e9);
            }
            write(out.resolve(c.name() + ".jsonl"), texts);
            rows.add(new Row(c.name(), pages.size() / seconds, bytes / 1e6 / seconds, SnippetScore.of(truth, texts)));
            LOG.info("{} done in {} CPU s", c.name(), String.format(Locale.ROOT, "%.1f", seconds));
        }
        System.out.println("| extractor | pages/s (1 core) | MB/s (1 core) | F1 | precision | recall |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.3f | %.3f | %.3f |%n", r.name(), r.pagesPerSecond(),
                    r.megabytesPerSecond(), r.score().f1(), r.score().precision(), r.score().recall());
        }
    }

    private static Map<String, String> run(Candidate c, List<Page> pages) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Page p : pages) {
            String text;
            try {
                text = c.extract().apply(p);
            } catch (RuntimeException | StackOverflowError e) {
                LOG.debug("{} failed on {}: {}", c.name(), p.id(), e.toString());
                text = "";
            }
            texts.put(p.id(), text == null ? "" : text);
        }
        return texts;
    }

    private static String readability4j(Page p) {
        Document doc = Jsoup.parse(decode(p.bytes()), p.url() == null ? "" : p.url());
        return new Readability4J(p.url() == null ? "" : p.url(), doc).parse().getTextContent();
    }

    private static String boilerpipe(Page p) {
        try {
            return de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(decode(p.bytes()));
        } catch (BoilerpipeProcessingException e) {
            return "";
        }
    }

    private static String allParagraphs(Page p) {
        Document doc = Jsoup.parse(decode(p.bytes()), p.url() == null ? "" : p.url());
        return doc.select("p").stream().map(Element::text).collect(Collectors.joining("\n"));
    }

    /** The dev set's own baseline decoding: BOM, else meta charset, else UTF-8, else windows-1252. */
    static String decode(byte[] raw) {
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            return new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8);
        }
        Matcher m = META_CHARSET.matcher(new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1));
        if (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            name = switch (name) {
                case "iso-8859-1", "latin1" -> "windows-1252";
                case "gb2312" -> "GBK";
                default -> name;
            };
            try {
                return new String(raw, Charset.forName(name));
            } catch (IllegalArgumentException unknown) {
                // fall through to the byte heuristics
            }
        }
        String utf8 = new String(raw, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') < 0 ? utf8 : new String(raw, Charset.forName("windows-1252"));
    }

    private static URI uri(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static List<SnippetScore.Truth> readTruth(Path file) throws IOException {
        List<SnippetScore.Truth> truth = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Json.MAPPER.readTree(line);
            truth.add(new SnippetScore.Truth(n.get("id").asText(),
                    n.hasNonNull("url") ? n.get("url").asText() : null, strings(n.get("with")), strings(n.get("without"))));
        }
        return truth;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(s -> out.add(s.asText()));
        }
        return out;
    }

    private static List<Page> readPages(Path dev, List<SnippetScore.Truth> truth) {
        return truth.stream().map(t -> {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dev.resolve("pages").resolve(t.id() + ".html.gz")))) {
                return new Page(t.id(), t.url(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static void write(Path file, Map<String, String> texts) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var e : texts.entrySet()) {
                w.write(Json.MAPPER.writeValueAsString(new Prediction(e.getKey(), e.getValue())));
                w.write('\n');
            }
        }
    }
}
