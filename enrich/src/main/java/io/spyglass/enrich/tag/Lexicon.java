package io.spyglass.enrich.tag;

import io.spyglass.model.Country;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words one language's tagger knows: countries, their agencies and institutions, threat actors (countries.tsv,
 * actors.tsv, the taxonomy and the language's file, the JDK's local country names), the signal, sector, malware and
 * technique terms, and the cue lists, all in one {@link Vocabulary}. Immutable once built.
 */
final class Lexicon {
    private static final Logger LOG = LoggerFactory.getLogger(Lexicon.class);
    private static final String BASE = "/io/spyglass/enrich/tag/";
    // The shortest country names taken from the JDK's locale data (addLocalNames).
    private static final int MIN_CJK_LOCAL_NAME = 3;
    private static final int MIN_LOCAL_NAME = 4;

    /**
     * What a name stands for. An {@code INSTITUTION} is a body a state's press names as its own and that is hit, not
     * an attacker: a parliament, a ministry, "domestic" (国会, 외교부, 国内, Bundestag); it is never attributed. An
     * {@code ABBREVIATION} is a one-character press form ("米", "한"), a country's name where its neighbours allow
     * ({@link RoleClassifier#pressForms}); {@code needsContext} marks the forms that count only in pairs.
     */
    enum Kind { COUNTRY, DEMONYM, CAPITAL, AGENCY, INSTITUTION, ACTOR, ABBREVIATION }

    /** A named state or actor a phrase stands for; {@code rule} names the gazetteer entry. */
    record Entity(Kind kind, String code, String actor, boolean needsContext, String rule) {
    }

    enum TermKind { SIGNAL, SECTOR, MALWARE, TECHNIQUE }

    /** A taxonomy term a phrase stands for; {@code rule} names the taxonomy entry. */
    record Term(TermKind kind, String value, double weight, String rule) {
    }

    private final Taxonomy taxonomy;
    private final String language;
    private final Vocabulary vocabulary;
    private final PhraseMatcher<Entity> entities;
    private final PhraseMatcher<Term> signalTerms;
    private final PhraseMatcher<Term> labelTerms;
    private final Map<String, Country> countries;
    private final Map<String, String> actorCountries;
    private final Set<String> criminalActors = new HashSet<>();
    private final Cues cues;
    private final WordSet malwareNouns;
    private final int cveId;

    /** The lexicon of a language's taxonomy (the bundled one, the language's file and the user's, merged). */
    Lexicon(Taxonomy taxonomy, String language) {
        this.taxonomy = taxonomy;
        this.language = language;
        this.vocabulary = new Vocabulary(Stemmer.forLanguage(language));
        this.entities = new PhraseMatcher<>(vocabulary);
        this.signalTerms = new PhraseMatcher<>(vocabulary);
        this.labelTerms = new PhraseMatcher<>(vocabulary);
        this.countries = loadCountries();
        this.actorCountries = loadActors();
        Map<String, PhraseList> lists = new HashMap<>();
        for (String name : Taxonomy.CUE_NAMES) {
            lists.put(name, new PhraseList(Taxonomy.nonNull(taxonomy.cues().get(name)), vocabulary));
        }
        taxonomy.signals().forEach((name, signal) -> Taxonomy.nonNull(signal.terms()).forEach((term, weight) ->
                signalTerms.add(term, new Term(TermKind.SIGNAL, name, weight, "signal:" + name + ":" + term))));
        taxonomy.sectors().forEach((sector, terms) -> terms.forEach(term ->
                labelTerms.add(term, new Term(TermKind.SECTOR, sector, 1, "sector:" + sector + ":" + term))));
        taxonomy.malware().forEach((family, names) -> names.forEach(n ->
                labelTerms.add(n, new Term(TermKind.MALWARE, family, 1, "malware:" + family))));
        taxonomy.techniques().forEach((id, names) -> names.forEach(n ->
                labelTerms.add(n, new Term(TermKind.TECHNIQUE, id, 1, "technique:" + id + ":" + n))));
        this.cveId = vocabulary.add("cve");
        int[] nouns = Taxonomy.nonNull(taxonomy.malwareNouns()).stream()
                .mapToInt(n -> vocabulary.add(Tokens.lowerCase(n, 0, n.length()))).toArray();
        int[] possessive = cueWords("possessives");
        int[] passive = cueWords("passiveMarkers");
        int[] articles = cueWords("articles");
        int[] places = cueWords("placeWords");
        int[] glue = cueWords("listGlue");
        // Built last, once the vocabulary is complete, so that they cover every id.
        this.malwareNouns = WordSet.of(vocabulary, nouns);
        this.cues = Cues.of(lists, new CompoundHeads(Taxonomy.nonNull(taxonomy.cues().get("compoundHeads"))),
                new CompoundHeads(Taxonomy.nonNull(taxonomy.cues().get("actorCompoundHeads"))),
                WordSet.of(vocabulary, possessive), WordSet.of(vocabulary, passive),
                WordSet.of(vocabulary, articles, possessive), WordSet.of(vocabulary, places),
                WordSet.of(vocabulary, glue));
    }

    /** The bundled taxonomy.yaml. */
    static Taxonomy bundledTaxonomy() {
        try (InputStream in = Resources.open(BASE + "taxonomy.yaml")) {
            return Taxonomy.read(in, "bundled taxonomy.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled taxonomy", e);
        }
    }

    /** The bundled word lists of a language, lang/{language}.yaml. */
    static Taxonomy languageTaxonomy(String language) {
        try (InputStream in = Resources.open(BASE + "lang/" + language + ".yaml")) {
            return Taxonomy.read(in, "bundled lang/" + language + ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled word lists of language " + language, e);
        }
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Countries, demonyms, capitals, agencies, institutions and actors. */
    PhraseMatcher<Entity> entities() {
        return entities;
    }

    /** The signals' weighted terms. */
    PhraseMatcher<Term> signalTerms() {
        return signalTerms;
    }

    /** Sector, malware and technique terms. */
    PhraseMatcher<Term> labelTerms() {
        return labelTerms;
    }

    Cues cues() {
        return cues;
    }

    /** The taxonomy's {@code malwareNouns} ("backdoor", "implant"). */
    WordSet malwareNouns() {
        return malwareNouns;
    }

    /** The vocabulary id of "cve". */
    int cveId() {
        return cveId;
    }

    /** The country of an ISO code the lexicon knows; null for another. */
    Country country(String code) {
        return countries.get(code);
    }

    /** The country of an actor, null when it has none (or is unknown). */
    String actorCountry(String actor) {
        return actorCountries.get(actor);
    }

    /** True for a criminal group, whose country is where it is based, not a sponsor. */
    boolean criminal(String actor) {
        return criminalActors.contains(actor);
    }

    int countryCount() {
        return countries.size();
    }

    int attributedActorCount() {
        return actorCountries.size();
    }

    /** The ids of every token of every entry of a cue list: the lists that are sets of single words. */
    private int[] cueWords(String cue) {
        return Taxonomy.nonNull(taxonomy.cues().get(cue)).stream()
                .flatMapToInt(entry -> {
                    Tokens t = Tokens.ofPhrase(entry, vocabulary);
                    int[] ids = new int[t.size()];
                    Arrays.setAll(ids, t::id);
                    return Arrays.stream(ids);
                })
                .toArray();
    }

    /**
     * Every country's name in this lexicon's language as the JDK's CLDR data writes it ("Indonesien",
     * "インドネシア"), so that a state the language's file does not list is still found. Short names are left
     * out: in CJK text, matched character by character, "马里" (Mali) is also inside "索马里" (Somalia).
     */
    private void addLocalNames(Set<String> codes) {
        Set<String> listed = new HashSet<>();
        Taxonomy.nonNull(taxonomy.countries()).values().forEach(n -> listed.addAll(Taxonomy.nonNull(n.names())));
        // Chinese is written in two scripts: Taiwan's and Hong Kong's press write 奧地利 and 塞爾維亞 for 奥地利, 塞尔维亚.
        List<String> tags = language.equals("zh") ? List.of("zh", "zh-Hant") : List.of(language);
        for (String tag : tags) {
            Locale locale = Locale.forLanguageTag(tag);
            for (String code : codes) {
                String name = new Locale("", code).getDisplayCountry(locale);
                int shortest = Tokens.isCjk(name.charAt(0)) ? MIN_CJK_LOCAL_NAME : MIN_LOCAL_NAME;
                if (name.length() >= shortest && !name.equals(code) && listed.add(name)) {
                    entities.add(name, new Entity(Kind.COUNTRY, code, null, false, "cldr:" + tag + ":name:" + code));
                }
            }
        }
    }

    private Map<String, Country> loadCountries() {
        List<String[]> rows = Resources.tsv(BASE + "countries.tsv", 7);
        Map<String, Country> byCode = new HashMap<>();
        Map<String, Set<String>> agencyCountries = new HashMap<>();
        for (String[] r : rows) {
            byCode.put(r[0], new Country(r[0], r[1]));
            for (String agency : Resources.cell(r[5])) {
                agencyCountries.computeIfAbsent(agency, a -> new LinkedHashSet<>()).add(r[0]);
            }
        }
        for (String[] r : rows) {
            String code = r[0];
            add(Kind.COUNTRY, List.of(r[1]), code, "countries.tsv:name:");
            add(Kind.COUNTRY, Resources.cell(r[2]), code, "countries.tsv:alias:");
            add(Kind.DEMONYM, Resources.cell(r[3]), code, "countries.tsv:demonym:");
            add(Kind.CAPITAL, Resources.cell(r[4]), code, "countries.tsv:capital:");
            // An agency name several states use ("NIS", "Intelligence Bureau") cannot attribute anything alone.
            add(Kind.AGENCY, Resources.cell(r[5]).stream().filter(a -> agencyCountries.get(a).size() == 1).toList(),
                    code, "countries.tsv:agency:");
        }
        String file = "lang/" + language + ":";
        Taxonomy.nonNull(taxonomy.countries()).forEach((code, names) -> {
            if (!byCode.containsKey(code)) {
                LOG.warn("Taxonomy names country {}, which countries.tsv lacks; its names are ignored", code);
                return;
            }
            add(Kind.COUNTRY, Taxonomy.nonNull(names.names()), code, file + "name:");
            add(Kind.DEMONYM, Taxonomy.nonNull(names.demonyms()), code, file + "demonym:");
            add(Kind.CAPITAL, Taxonomy.nonNull(names.capitals()), code, file + "capital:");
            add(Kind.AGENCY, Taxonomy.nonNull(names.agencies()), code, file + "agency:");
            add(Kind.INSTITUTION, Taxonomy.nonNull(names.institutions()), code, file + "institution:");
            Taxonomy.nonNull(names.abbreviations()).forEach(a -> entities.add(a,
                    new Entity(Kind.ABBREVIATION, code, null, false, file + "abbreviation:" + code)));
            Taxonomy.nonNull(names.pairAbbreviations()).forEach(a -> entities.add(a,
                    new Entity(Kind.ABBREVIATION, code, null, true, file + "abbreviation:" + code)));
        });
        for (String[] r : Resources.tsv(BASE + "organisations.tsv", 3)) {
            if (byCode.containsKey(r[1])) {
                add(Kind.INSTITUTION, List.of(r[0]), r[1], "organisations.tsv:");
            } else {
                LOG.warn("organisations.tsv gives {} the country {}, which countries.tsv lacks; ignored", r[0], r[1]);
            }
        }
        if (!language.equals("en")) {
            addLocalNames(byCode.keySet());
        }
        return Map.copyOf(byCode);
    }

    /** Adds names of a state's, each with the rule {@code source + code}. */
    private void add(Kind kind, List<String> names, String code, String source) {
        for (String name : names) {
            entities.add(name, new Entity(kind, code, null, false, source + code));
        }
    }

    private Map<String, String> loadActors() {
        Map<String, String> country = new LinkedHashMap<>();
        Map<String, List<String>> plain = new LinkedHashMap<>();
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (String[] r : Resources.tsv(BASE + "actors.tsv", 5)) {
            country.put(r[0], r[1]);
            if (r[4].equals("yes")) {
                criminalActors.add(r[0]);
            }
            plain.put(r[0], new ArrayList<>(Resources.cell(r[2])));
            context.put(r[0], Resources.cell(r[3]));
        }
        for (Taxonomy.ActorEntry a : taxonomy.actors()) {
            if (a.country() != null || !country.containsKey(a.name())) {
                country.put(a.name(), a.country() == null ? "" : a.country());
            }
            List<String> names = plain.computeIfAbsent(a.name(), k -> new ArrayList<>());
            names.add(a.name());
            names.addAll(Taxonomy.nonNull(a.aliases()));
        }
        Map<String, String> out = new HashMap<>();
        country.forEach((name, code) -> {
            if (!code.isEmpty()) {
                out.put(name, code);
            }
        });
        plain.forEach((name, aliases) -> new LinkedHashSet<>(aliases).forEach(alias ->
                entities.add(alias, new Entity(Kind.ACTOR, out.get(name), name, false, "actors:" + name))));
        context.forEach((name, aliases) -> aliases.forEach(alias ->
                entities.add(alias, new Entity(Kind.ACTOR, out.get(name), name, true, "actors:" + name))));
        return Map.copyOf(out);
    }
}
