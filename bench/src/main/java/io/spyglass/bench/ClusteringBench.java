package io.spyglass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import io.spyglass.model.Story;
import io.spyglass.sink.StoryBook;
import io.spyglass.sink.StoryClusterer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Story clustering measured on reports labelled with the event they report: each report is tagged by the tagger as
 * enrich would, the reports go to the sink's clustering in publication order, and the stories it makes are scored
 * with B-cubed and pairwise precision, recall and F1, over all reports, per language, over the reports of events
 * reported in two or more languages ({@code multi-lang}) and over the pairs of reports in two languages only
 * ({@code cross-lang}: {@link ClusterScore#bcubedOverPairs}), beside two baselines from the same run: every report
 * its own story, and title-word Jaccard.
 *
 * <p>Usage: {@code ClusteringBench REPORTS.jsonl [all|tune|heldout]}. Each line is
 * {@code {"id","event","language","published","title","text"}}; {@code url} and {@code outlet} are used when present.
 * A third of the events (by a hash of the event id) is the held-out part. With {@code --one-window}, every event is
 * moved in time (its reports keep their offsets from its first one) to start on the same day, so that all events
 * compete for the same reports: the harder test of keeping events apart, as in a week of busy news.
 */
public final class ClusteringBench {
    /** Title-word Jaccard thresholds the baseline is run at; the best of them is the baseline's figure. */
    private static final double[] BASELINE_THRESHOLDS = {0.2, 0.3, 0.4, 0.5};

    private ClusteringBench() {
    }

    /** One labelled report, tagged. */
    record Report(String id, String event, String language, Instant published, String title, EnrichedArticle article) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ClusteringBench REPORTS.jsonl [all|tune|heldout]");
            System.exit(2);
        }
        boolean verbose = List.of(args).contains("-v");
        boolean oneWindow = List.of(args).contains("--one-window");
        List<String> rest = List.of(args).stream().filter(a -> !a.startsWith("-")).toList();
        String part = rest.size() > 1 ? rest.get(1) : "all";
        Tagger tagger = Tagger.loadDefault();
        List<Report> reports = read(Path.of(rest.get(0)), tagger).stream().filter(r -> inPart(r.event(), part)).toList();
        if (oneWindow) {
            reports = inOneWindow(reports);
        }
        long events = reports.stream().map(Report::event).distinct().count();
        long espionage = reports.stream().filter(r -> r.article().tags().espionage()).count();
        System.out.printf(Locale.ROOT, "%d reports of %d events (%s%s); the tagger calls %d of them espionage%n",
                reports.size(), events, part, oneWindow ? ", every event starting on one day" : "", espionage);
        Map<String, Function<List<Report>, Map<String, String>>> systems = new LinkedHashMap<>();
        systems.put("spyglass", ClusteringBench::spyglass);
        systems.put("singletons", rs -> {
            Map<String, String> out = new LinkedHashMap<>();
            rs.forEach(r -> out.put(r.id(), r.id()));
            return out;
        });
        for (double t : BASELINE_THRESHOLDS) {
            systems.put(String.format(Locale.ROOT, "title-jaccard>=%.1f", t), rs -> titleJaccard(rs, t));
        }
        Set<String> languages = new TreeSet<>();
        reports.forEach(r -> languages.add(r.language()));
        System.out.printf(Locale.ROOT, "%-20s %-10s %5s %6s %6s %6s %7s %7s %7s%n", "system", "subset", "items",
                "B3-P", "B3-R", "B3-F1", "pair-P", "pair-R", "pair-F1");
        for (var system : systems.entrySet()) {
            Map<String, String> predicted = system.getValue().apply(reports);
            List<ClusterScore.Item> items = reports.stream()
                    .map(r -> new ClusterScore.Item(r.id(), r.event(), predicted.get(r.id()))).toList();
            Map<String, String> language = new LinkedHashMap<>();
            reports.forEach(r -> language.put(r.id(), r.language()));
            print(system.getKey(), "all", ClusterScore.of(items));
            for (String l : languages) {
                List<ClusterScore.Item> in = items.stream().filter(i -> language.get(i.id()).equals(l)).toList();
                print(system.getKey(), l, ClusterScore.of(in));
            }
            // events reported in two or more languages: their reports scored as any subset
            Map<String, Set<String>> eventLanguages = new LinkedHashMap<>();
            reports.forEach(r -> eventLanguages.computeIfAbsent(r.event(), e -> new TreeSet<>()).add(r.language()));
            print(system.getKey(), "multi-lang", ClusterScore.of(items.stream()
                    .filter(i -> eventLanguages.get(i.truth()).size() > 1).toList()));
            // B-cubed and pairwise over the pairs of reports in two languages only
            print(system.getKey(), "cross-lang", ClusterScore.bcubedOverPairs(items,
                    (a, b) -> !language.get(a.id()).equals(language.get(b.id()))));
            if (verbose && system.getKey().equals("spyglass")) {
                printEvents(reports, predicted);
            }
        }
    }

    /** Per true event, its reports with the story each went to, for reading where the clustering splits or merges. */
    private static void printEvents(List<Report> reports, Map<String, String> predicted) {
        Map<String, List<Report>> byEvent = new LinkedHashMap<>();
        reports.forEach(r -> byEvent.computeIfAbsent(r.event(), e -> new ArrayList<>()).add(r));
        for (var e : byEvent.entrySet()) {
            System.out.println("== " + e.getKey());
            for (Report r : e.getValue()) {
                var t = r.article().tags();
                String story = predicted.get(r.id());
                System.out.printf(Locale.ROOT, "  %-6s %s %s story=%s att=%s vic=%s act=%s mal=%s | %s%n", r.id(), r.language(),
                        r.published().toString().substring(0, 10), story.substring(0, Math.min(8, story.length())),
                        t.attributed().stream().map(c -> c.code()).toList(), t.victims().stream().map(c -> c.code()).toList(),
                        t.actors().stream().map(a -> a.name()).toList(), t.malware(),
                        r.title().substring(0, Math.min(70, r.title().length())));
            }
        }
    }

    private static void print(String system, String subset, ClusterScore s) {
        System.out.printf(Locale.ROOT, "%-20s %-10s %5d %6.3f %6.3f %6.3f %7.3f %7.3f %7.3f%n", system, subset, s.items(),
                s.precision(), s.recall(), s.f1(), s.pairPrecision(), s.pairRecall(), s.pairF1());
    }

    /** The sink's clustering, with the publication time as record time; a report's story is where it ended up. */
    static Map<String, String> spyglass(List<Report> reports) {
        StoryBook book = new StoryBook();
        for (Report r : reports) {
            book.offer(r.article(), r.published());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Report r : reports) {
            Story story = book.storyOf(r.id());
            out.put(r.id(), story == null ? "none:" + r.id() : story.storyId());
        }
        return out;
    }

    /**
     * The baseline: in publication order, each report joins the earlier story, within the clustering's window, whose
     * reports' titles share the most words with its own by Jaccard, when that is at least {@code threshold}.
     */
    static Map<String, String> titleJaccard(List<Report> reports, double threshold) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Report> earlier = new ArrayList<>();
        for (Report r : reports) {
            Set<String> words = titleWords(r.title());
            String best = r.id();
            double bestScore = threshold;
            for (Report e : earlier) {
                if (Math.abs(e.published().getEpochSecond() - r.published().getEpochSecond()) > StoryClusterer.WINDOW.toSeconds()) {
                    continue;
                }
                double j = jaccard(words, titleWords(e.title()));
                if (j >= bestScore) {
                    bestScore = j;
                    best = out.get(e.id());
                }
            }
            out.put(r.id(), best);
            earlier.add(r);
        }
        return out;
    }

    /** Lower-case runs of letters and digits: how a simple tool splits a title. */
    private static Set<String> titleWords(String title) {
        Set<String> out = new HashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /** The reports with every event moved to start at one instant, each report keeping its offset in its event. */
    static List<Report> inOneWindow(List<Report> reports) {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        Map<String, Instant> first = new LinkedHashMap<>();
        reports.forEach(r -> first.merge(r.event(), r.published(), (a, b) -> a.isBefore(b) ? a : b));
        List<Report> out = new ArrayList<>();
        for (Report r : reports) {
            Instant moved = start.plus(java.time.Duration.between(first.get(r.event()), r.published()));
            EnrichedArticle a = r.article();
            Article was = a.article();
            EnrichedArticle article = new EnrichedArticle(new Article(was.schemaVersion(), was.id(), was.url(), was.title(),
                    moved, was.feed(), was.text(), was.outcome(), was.language(), was.authors(), moved, was.revision()),
                    a.tags());
            out.add(new Report(r.id(), r.event(), r.language(), moved, r.title(), article));
        }
        out.sort(Comparator.comparing(Report::published).thenComparing(Report::id));
        return out;
    }

    static boolean inPart(String event, String part) {
        boolean heldOut = heldOut(event);
        return switch (part) {
            case "all" -> true;
            case "tune" -> !heldOut;
            case "heldout" -> heldOut;
            default -> throw new IllegalArgumentException("part must be all, tune or heldout: " + part);
        };
    }

    /** A third of the events, by the first byte of the SHA-256 of the event id. */
    private static boolean heldOut(String event) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(event.getBytes(StandardCharsets.UTF_8));
            return (d[0] & 0xff) % 3 == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<Report> read(Path file, Tagger tagger) throws IOException {
        List<Report> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Json.MAPPER.readTree(line);
            String id = n.path("id").asText();
            String title = n.path("title").asText("");
            String text = n.path("text").asText("");
            Instant published = Instant.parse(n.path("published").asText());
            String declared = n.hasNonNull("language") ? n.get("language").asText() : null;
            String url = n.hasNonNull("url") ? n.get("url").asText() : "https://report.invalid/" + id;
            String outlet = n.path("outlet").asText("");
            Tagger.Tagging tagging = tagger.tagDetecting(title, text, declared);
            EnrichedArticle article = new EnrichedArticle(new Article(1, id, url, title, published, new FeedRef(url, outlet),
                    text, ExtractionOutcome.FULL, tagging.language(), List.of(), published), tagging.tags());
            out.add(new Report(id, n.path("event").asText(), declared == null ? tagging.language() : declared, published,
                    title, article));
        }
        out.sort(Comparator.comparing(Report::published).thenComparing(Report::id));
        return out;
    }
}
