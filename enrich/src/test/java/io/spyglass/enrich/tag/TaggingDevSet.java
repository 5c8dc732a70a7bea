package io.spyglass.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.Country;
import io.spyglass.model.Json;
import io.spyglass.model.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The project's own multilingual development set (src/test/resources/io/spyglass/enrich/tag/dev, see its README)
 * and its scores, with the metrics of shared/data/tagging-dev/score.py: espionage precision, recall and F1;
 * attribution as the share of true positives whose attributed set is exactly the labelled one; victims as the
 * mean Jaccard of the victim sets over true positives.
 *
 * <p>{@code main [-v] [--set dev|blind|blind2|blind3|blind4|blind5|blind6|blind7|blind8] [language...]} prints
 * the table in docs/BENCHMARKS.md ("Tagging in other languages") for the set (dev by default) and the languages given
 * (ja zh ko ru de fr by default; {@code en} is in blind2 to blind8 only: name it), and with {@code -v} every miss.
 * {@code --blind} is {@code --set blind}.
 */
public final class TaggingDevSet {
    static final List<String> LANGUAGES = List.of("ja", "zh", "ko", "ru", "de", "fr");
    private static final String DIR = "/io/spyglass/enrich/tag/dev/";
    /**
     * The sets under the same folder: dev, blind, blind2, blind3, blind5, blind6 and blind7 (tuning data), blind4 and
     * blind8 (held out; see their READMEs).
     */
    private static final String SETS = "/io/spyglass/enrich/tag/";

    /** One labelled article. */
    record Labelled(String id, String language, String split, String title, String text, boolean espionage,
                    Set<String> attributed, Set<String> victims) {
    }

    /** What the tagger made of one article, beside its label. */
    record Outcome(Labelled article, String detected, Tags tags) {
        Set<String> attributed() {
            return codes(tags.attributed());
        }

        Set<String> victims() {
            return codes(tags.victims());
        }

        private static Set<String> codes(List<Country> countries) {
            return countries.stream().map(Country::code).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Scores of a group of outcomes. */
    record Score(int articles, int tp, int fp, int fn, int attributedRight, double victimsJaccardSum,
                 int languageRight) {
        static Score of(List<Outcome> outcomes) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int attributedRight = 0;
            double jaccard = 0;
            int languageRight = 0;
            for (Outcome o : outcomes) {
                Labelled a = o.article();
                if (o.detected().equals(a.language())) {
                    languageRight++;
                }
                boolean said = o.tags().espionage();
                if (a.espionage() && said) {
                    tp++;
                    if (o.attributed().equals(a.attributed())) {
                        attributedRight++;
                    }
                    jaccard += jaccard(a.victims(), o.victims());
                } else if (a.espionage()) {
                    fn++;
                } else if (said) {
                    fp++;
                }
            }
            return new Score(outcomes.size(), tp, fp, fn, attributedRight, jaccard, languageRight);
        }

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double attribution() {
            return tp == 0 ? 0 : (double) attributedRight / tp;
        }

        double victims() {
            return tp == 0 ? 0 : victimsJaccardSum / tp;
        }

        double languageAccuracy() {
            return articles == 0 ? 0 : (double) languageRight / articles;
        }

        String row(String language, String split) {
            return String.format("| %s | %s (%d) | %.2f | %.2f | %.2f | %.2f (%d/%d) | %.2f | %.2f |", language,
                    split, articles, precision(), recall(), f1(), attribution(), attributedRight, tp, victims(),
                    languageAccuracy());
        }
    }

    private TaggingDevSet() {
    }

    static double jaccard(Set<String> truth, Set<String> said) {
        Set<String> union = new HashSet<>(truth);
        union.addAll(said);
        if (union.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(truth);
        both.retainAll(said);
        return (double) both.size() / union.size();
    }

    /** The labelled articles of a language, in file order. */
    static List<Labelled> read(String language) {
        return read(DIR, language);
    }

    static List<Labelled> read(String dir, String language) {
        try (InputStream in = TaggingDevSet.class.getResourceAsStream(dir + language + ".jsonl")) {
            if (in == null) {
                throw new IllegalStateException("No development set for " + language + " under " + dir);
            }
            List<Labelled> articles = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a = Json.MAPPER.readTree(line);
                articles.add(new Labelled(a.path("id").asText(), a.path("lang").asText(), a.path("split").asText(),
                        a.path("title").asText(""), a.path("text").asText(""),
                        a.path("label").asText().equals("espionage"), strings(a.path("attributed")),
                        strings(a.path("victims"))));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Tags each article as the pipeline does: the language detected, the page's declared language absent. */
    static List<Outcome> tag(Tagger tagger, List<Labelled> articles) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Labelled a : articles) {
            Tagger.Tagging t = tagger.tagDetecting(a.title(), a.text(), null);
            outcomes.add(new Outcome(a, t.language(), t.tags()));
        }
        return outcomes;
    }

    static Map<String, Score> scoresBySplit(List<Outcome> outcomes) {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String split : List.of("tune", "heldout")) {
            scores.put(split, Score.of(outcomes.stream().filter(o -> o.article().split().equals(split)).toList()));
        }
        scores.put("all", Score.of(outcomes));
        return scores;
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        boolean verbose = options.contains("-v");
        int set = options.indexOf("--set");
        String name = set >= 0 && set + 1 < args.length ? args[set + 1] : options.contains("--blind") ? "blind" : "dev";
        String dir = SETS + name + "/";
        List<String> languages = options.stream().filter(a -> !a.startsWith("-") && !a.equals(name)).toList();
        List<String> all = name.startsWith("blind") && !name.equals("blind") ? List.of("ja", "zh", "ko", "ru", "de", "fr", "en")
                : LANGUAGES;
        Tagger tagger = Tagger.loadDefault();
        System.out.println("| language | part | espionage P | R | F1 | attribution | victims Jaccard | language detected |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        List<String> misses = new ArrayList<>();
        for (String language : languages.isEmpty() ? all : languages) {
            List<Outcome> outcomes = tag(tagger, read(dir, language));
            scoresBySplit(outcomes).forEach((split, score) -> {
                if (score.articles() > 0) {
                    System.out.println(score.row(language, split));
                }
            });
            for (Outcome o : outcomes) {
                Labelled a = o.article();
                if (a.espionage() != o.tags().espionage()) {
                    misses.add(String.format("%s %s %s score %.2f | %s", a.id(), a.split(),
                            a.espionage() ? "FN" : "FP", o.tags().score(), a.title()));
                } else if (a.espionage() && !o.attributed().equals(a.attributed())) {
                    misses.add(String.format("%s %s ATTR truth %s said %s | %s", a.id(), a.split(), a.attributed(),
                            o.attributed(), a.title()));
                }
                if (a.espionage() && o.tags().espionage() && !o.victims().equals(a.victims())) {
                    misses.add(String.format("%s %s VICT truth %s said %s | %s", a.id(), a.split(), a.victims(),
                            o.victims(), a.title()));
                }
                if (!o.detected().equals(a.language())) {
                    misses.add(String.format("%s LANG detected %s", a.id(), o.detected()));
                }
            }
        }
        if (verbose) {
            misses.forEach(m -> System.out.println("  " + m));
        }
    }
}
