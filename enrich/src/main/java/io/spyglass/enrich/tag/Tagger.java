package io.spyglass.enrich.tag;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.Evidence;
import io.spyglass.model.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a news article reports cyber-espionage and tags who did it, whom it hit, the sectors,
 * malware, CVEs and ATT&amp;CK techniques, each tag with its evidence. Immutable and thread-safe once loaded.
 * The work is its parts': the {@link Lexicon} finds the words, the {@link ScoringModel} gives the verdict, the
 * {@link RoleClassifier} and {@link CountrySelector} say who and whom, the {@link LabelExtractor} the labels.
 */
public final class Tagger {
    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);
    private static final String VERSION = "spyglass-tagger/1.6";
    /** The languages with rules of their own (ISO 639-1); any other is tagged with the English rules. */
    public static final List<String> LANGUAGES = List.of("en", "ja", "zh", "ko", "ru", "de", "fr");

    private final String language;
    // Every language's tagger by its code, this one's included; shared by all of them.
    private final Map<String, Tagger> languages;
    private final Lexicon lexicon;
    private final ScoringModel scoring;
    private final RoleClassifier roles;
    private final CountrySelector selector;
    private final LabelExtractor labels;

    private Tagger(Taxonomy taxonomy, String language, Map<String, Tagger> languages) {
        this.language = language;
        this.languages = languages;
        this.lexicon = new Lexicon(taxonomy, language);
        this.scoring = new ScoringModel(taxonomy);
        this.roles = new RoleClassifier(lexicon, taxonomy, scoring);
        this.selector = new CountrySelector(lexicon, taxonomy);
        this.labels = new LabelExtractor(lexicon);
    }

    /** The tagger with its bundled data only. */
    public static Tagger loadDefault() {
        return withLanguages(null);
    }

    /**
     * The tagger with its bundled data plus a user taxonomy laid over it (see docs/TAGGING.md).
     *
     * @throws IllegalArgumentException when the file cannot be read or is invalid; the message names the
     *                                  file and, for syntax and type errors, the line
     */
    public static Tagger load(Path extraTaxonomyYaml) {
        Objects.requireNonNull(extraTaxonomyYaml, "extraTaxonomyYaml");
        Taxonomy extra;
        try (InputStream in = Files.newInputStream(extraTaxonomyYaml)) {
            extra = Taxonomy.read(in, extraTaxonomyYaml.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read taxonomy " + extraTaxonomyYaml + ": " + e.getMessage(), e);
        }
        return withLanguages(extra);
    }

    /**
     * The English tagger and, reachable through {@link #tag(String, String, String)}, one per language in
     * {@link #LANGUAGES}: the bundled taxonomy, then the language's file, then the user's taxonomy when not null.
     */
    private static Tagger withLanguages(Taxonomy user) {
        Taxonomy bundled = Lexicon.bundledTaxonomy();
        Map<String, Tagger> byLanguage = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            Taxonomy t = language.equals("en") ? bundled : bundled.merge(Lexicon.languageTaxonomy(language));
            byLanguage.put(language, new Tagger(user == null ? t : t.merge(user), language, byLanguage));
        }
        return byLanguage.get("en");
    }

    /** Name and version of this tagger, also written into {@link Tags#tagger()}. */
    public String version() {
        return VERSION;
    }

    /**
     * Tags one article. Pure and thread-safe; evidence offsets index into {@code title + "\n" + text}.
     *
     * @param title the title, may be null
     * @param text  the main text, may be null
     * @return the tags; never null
     */
    public Tags tag(String title, String text) {
        return tagAs(title, text);
    }

    /**
     * Tags one article with the rules of its language: the English rules plus the language's word lists (see
     * docs/TAGGING-LANGUAGES.md). A language without rules of its own, {@code "und"} or null gets the English rules.
     *
     * @param language ISO 639-1 code, as {@link Language#detect} gives
     * @return the tags; never null
     */
    public Tags tag(String title, String text, String language) {
        Tagger rules = language == null ? null : languages.get(language);
        return (rules == null ? languages.get("en") : rules).tagAs(title, text);
    }

    /**
     * The article's language, as {@link Language#detect} finds it, and its tags under that language's rules.
     *
     * @param declared the language the page or feed declares, may be null
     * @return never null
     */
    public Tagging tagDetecting(String title, String text, String declared) {
        String language = Language.detect(title, text, declared);
        return new Tagging(language, tag(title, text, language));
    }

    /**
     * An article's language and tags.
     *
     * @param language ISO 639-1 code or {@code und}
     * @param tags     the tags under that language's rules
     */
    public record Tagging(String language, Tags tags) {
    }

    /** The language whose rules this tagger applies. */
    public String language() {
        return language;
    }

    private Tags tagAs(String title, String text) {
        String head = title == null ? "" : title;
        String full = head + "\n" + (text == null ? "" : text);
        Tokens tokens = Tokens.of(full, lexicon.vocabulary());
        int titleEnd = head.length();
        int titleTokens = 0;
        while (titleTokens < tokens.size() && tokens.start(titleTokens) < titleEnd) {
            titleTokens++;
        }
        List<Evidence> evidence = new ArrayList<>();
        Map<String, Double> sums = scoring.sums(tokens, lexicon.signalTerms().matchOverlapping(tokens), titleEnd,
                evidence);
        RoleClassifier.Roles found = roles.classify(tokens, titleEnd);
        found.addSignals(sums);
        if (LOG.isTraceEnabled()) {
            LOG.trace("FEATURES {} LENGTH {}", sums, full.length());
            found.attackers().forEach(r -> LOG.trace("  A {} {} {} | {}", r.code(), r.weight(), r.evidenceRule(),
                    tokens.span(r.first(), r.last())));
            found.victims().forEach(r -> LOG.trace("  V {} {} {} | {}", r.code(), r.weight(), r.evidenceRule(),
                    tokens.span(r.first(), r.last())));
        }
        double score = scoring.score(sums, full.length());
        boolean espionage = scoring.espionage(score);

        List<PhraseMatcher.Match<Lexicon.Term>> labelMatches = labels.match(tokens);
        List<Country> attributed = List.of();
        List<Country> victims = List.of();
        List<Actor> actors = List.of();
        List<String> sectors = List.of();
        if (espionage) {
            attributed = selector.attributed(found, titleTokens, tokens, evidence);
            Set<String> attributedCodes = new LinkedHashSet<>();
            attributed.forEach(c -> attributedCodes.add(c.code()));
            victims = selector.victims(found, attributedCodes, tokens, evidence);
            actors = new ArrayList<>();
            for (Map.Entry<String, Evidence> a : found.actors().entrySet()) {
                // A criminal group's country is where it is based, not a state behind it.
                actors.add(new Actor(a.getKey(), lexicon.criminal(a.getKey()) ? null
                        : lexicon.actorCountry(a.getKey())));
                evidence.add(a.getValue());
            }
            sectors = labels.sectors(tokens, labelMatches, found.attackers(), evidence);
        }
        List<String> malware = labels.malware(tokens, labelMatches, evidence);
        List<String> cves = labels.cves(tokens, evidence);
        List<String> techniques = labels.techniques(tokens, labelMatches, evidence);
        return new Tags(espionage, score, attributed, victims, actors, sectors, malware, cves, techniques, evidence,
                VERSION);
    }

    @Override
    public String toString() {
        return VERSION + " " + language + " (" + lexicon.attributedActorCount() + " attributed actors, "
                + lexicon.countryCount() + " countries)";
    }
}
