package io.spyglass.app.command;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The {@code spyglass extract} command: main text and metadata of saved HTML pages as JSON lines. */
@Command(name = "extract",
        mixinStandardHelpOptions = true,
        description = "Extracts the main text and metadata of saved HTML pages (.html, .htm, .html.gz) "
                + "into one JSON line per page.")
public final class ExtractCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractCommand.class);
    private static final int IN_FLIGHT_PER_THREAD = 16;
    private static final int PROGRESS_EVERY = 50;
    private static final List<String> EXTENSIONS = List.of(".html.gz", ".html", ".htm");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|FILE",
            description = "A page file, or a directory searched recursively for pages.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.jsonl",
            description = "Where to write the JSON lines; - for standard output.")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** One output line: the fields of an extracted page that the command reports. */
    record Line(String id, String title, String text, List<String> authors, Instant published, String language,
                String canonicalUrl, ExtractionOutcome outcome) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(input)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--input: no such file or directory: " + input);
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads: must be at least 1, was " + threads);
        }
        List<Path> pages = pages(input);
        if (pages.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--input: no .html, .htm or .html.gz files in " + input);
        }
        Path parent = output.equals("-") ? null : Path.of(output).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output: no such directory: " + parent);
        }
        var extractor = ArticleExtractor.withDefaults();
        boolean progress = System.console() != null;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Writer out = open(output)) {
            // Lines go out in input order; only a window of pages is in flight, so memory stays flat
            // however many pages the directory holds.
            int window = threads * IN_FLIGHT_PER_THREAD;
            Deque<Future<Line>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int written = 0; written < pages.size(); written++) {
                while (next < pages.size() && inFlight.size() < window) {
                    Path page = pages.get(next++);
                    inFlight.add(pool.submit(() -> extract(extractor, page)));
                }
                out.write(Json.MAPPER.writeValueAsString(inFlight.remove().get()));
                out.write('\n');
                if (progress && (written % PROGRESS_EVERY == 0 || written == pages.size() - 1)) {
                    System.err.printf(Locale.ROOT, "\rExtracted %d/%d pages", written + 1, pages.size());
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("extraction failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            pool.shutdownNow();
        }
        if (progress) {
            System.err.println();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (output.equals("-")) {
            // Logback's default console appender writes to standard output, which then carries the JSON lines.
            LOG.debug("Extracted {} pages in {} ms", pages.size(), millis);
        } else {
            LOG.info("Extracted {} pages in {} ms", pages.size(), millis);
        }
        return 0;
    }

    private static Line extract(ArticleExtractor extractor, Path page) {
        String id = id(page);
        try {
            byte[] body = read(page);
            ExtractedPage p = extractor.extract(body, null, null);
            return new Line(id, p.title(), p.text(), p.authors(), p.published(), p.language(), p.canonicalUrl(),
                    p.outcome());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Skipped unreadable page {}: {}", page, e.toString());
            return new Line(id, "", "", List.of(), null, null, null, ExtractionOutcome.EMPTY);
        }
    }

    private static byte[] read(Path page) throws IOException {
        try (InputStream in = Files.newInputStream(page)) {
            return page.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? new GZIPInputStream(in).readAllBytes()
                    : in.readAllBytes();
        }
    }

    static List<Path> pages(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.filter(Files::isRegularFile).filter(p -> extension(p) != null).sorted().toList();
        }
    }

    /** The file name without its page extension: {@code a/b.html.gz} is {@code b}. */
    static String id(Path page) {
        String name = page.getFileName().toString();
        String ext = extension(page);
        return ext == null ? name : name.substring(0, name.length() - ext.length());
    }

    private static String extension(Path page) {
        String name = page.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse(null);
    }

    private static Writer open(String output) throws IOException {
        if (output.equals("-")) {
            // Standard output stays open for whatever the JVM prints after us; only flush it.
            PrintStream stdout = System.out;
            return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
    }
}
