package io.spyglass.enrich.tag;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tagger's terms, weights, cues, sectors, extra actors, malware and technique names, as read from YAML.
 * Every field may be absent in a user file; {@link #merge} lays a user file over the bundled one.
 *
 * @param bias         logistic intercept
 * @param threshold    score from which an article is espionage
 * @param titleWeight  how many times a match in the title counts
 * @param referenceLength article length (characters) at which signal saturations apply as written; 0 or absent
 *                     leaves them unscaled
 * @param signals      weighted term groups by name (cyber, state, espionage, crime, ...)
 * @param interactions products of signal strengths that add to the score
 * @param cues         word lists for the attribution and victim rules, by name
 * @param sectors      sector name to the terms that indicate it
 * @param actors       actors beyond the bundled galaxy list
 * @param malware      family name to its spellings
 * @param malwareNouns nouns after which a CamelCase or digit-bearing name is a malware family
 * @param techniques   ATT&amp;CK technique id to technique names
 * @param rules        what one mention found by each attribution or victim rule counts for
 * @param selection    minimum sums and ratios for reporting a country
 * @param countries    names of states beyond the bundled countries.tsv (a language file's), by ISO-2 code
 */
record Taxonomy(
        Double bias,
        Double threshold,
        Double titleWeight,
        Double referenceLength,
        Map<String, Signal> signals,
        List<Interaction> interactions,
        Map<String, List<String>> cues,
        Map<String, List<String>> sectors,
        List<ActorEntry> actors,
        Map<String, List<String>> malware,
        List<String> malwareNouns,
        Map<String, List<String>> techniques,
        Map<String, RuleWeight> rules,
        Map<String, Double> selection,
        Map<String, CountryNames> countries) {

    /** Cue lists the tagger reads; a user file may extend them but not add others. */
    static final List<String> CUE_NAMES = List.of("actorNouns", "modifiers", "stateModifiers", "linkWords",
            "linkPhrases", "agentVerbs", "accuseVerbs", "targetNouns", "victimPhrases", "reportVerbs",
            "bystanderPrefixes", "vendorNouns", "hedges", "actorNounsBefore", "targetNounsBefore", "victimSuffixes", "accuseSuffixes", "regions",
            "agencyNouns", "doubts", "cosigns", "peopleNouns", "reflexives", "homeWords", "additions", "background", "compoundHeads", "actorCompoundHeads",
            "possessives", "articles", "placeWords", "listGlue", "passiveMarkers");

    /** Rule names the tagger applies; a user file may re-weight them. */
    static final List<String> RULE_NAMES = Rule.WEIGHTED_NAMES;

    /** Selection settings the tagger reads. */
    static final List<String> SELECTION_NAMES = List.of("attributedMin", "attributedLoneMin",
            "attributedRatio", "victimMin", "victimLoneMin", "victimRatio");

    /**
     * What one mention found by a rule counts for; absent means 0.
     *
     * @param attribution toward attributing the operation to the mentioned state
     * @param victim      toward the mentioned country being a victim
     * @param signals     added to these signals of the verdict (e.g. state, cyber, crime)
     */
    record RuleWeight(Double attribution, Double victim, Map<String, Double> signals) {
        double attributionOrZero() {
            return attribution == null ? 0 : attribution;
        }

        double victimOrZero() {
            return victim == null ? 0 : victim;
        }

        Map<String, Double> signalsOrEmpty() {
            return signals == null ? Map.of() : signals;
        }
    }

    private static final RuleWeight NO_RULE = new RuleWeight(null, null, null);

    /** What one mention found by {@code rule} counts for; all zero when the taxonomy does not weight it. */
    RuleWeight weightOf(Rule rule) {
        return rules.getOrDefault(rule.label(), NO_RULE);
    }

    /**
     * A group of weighted terms.
     *
     * @param weight     logistic coefficient of the signal's strength (negative for evidence against)
     * @param saturation sum of term weights at which strength reaches 1 - 1/e
     * @param terms      term to weight
     */
    record Signal(Double weight, Double saturation, Map<String, Double> terms) {
    }

    /**
     * A product of signal strengths with its own coefficient.
     *
     * @param signals the signal names; "!name" stands for one minus that signal's strength
     * @param weight  logistic coefficient
     */
    record Interaction(List<String> signals, Double weight) {
    }

    /**
     * A threat actor.
     *
     * @param name    canonical name
     * @param country ISO 3166-1 alpha-2 code, or null
     * @param aliases other names
     */
    record ActorEntry(String name, String country, List<String> aliases) {
    }

    /**
     * What a language writes for one state, beside countries.tsv.
     *
     * @param names    the country and its press short forms
     * @param demonyms nationality adjectives and nouns
     * @param capitals capitals and seats of power written for the state
     * @param agencies the state's intelligence, military and security agencies
     * @param institutions bodies the state's press names as its own and hit (see {@link Lexicon.Kind#INSTITUTION})
     * @param abbreviations one-character press forms ("米", "英", "美"), a state only where a word starts
     * @param pairAbbreviations one-character forms a state only beside another ("日米", "米中", "한미"): alone they
     *                          begin everyday words ("中央", "日程", "미래")
     */
    record CountryNames(List<String> names, List<String> demonyms, List<String> capitals, List<String> agencies,
                        List<String> institutions, List<String> abbreviations, List<String> pairAbbreviations) {
        CountryNames plus(CountryNames more) {
            return new CountryNames(concat(names, more.names), concat(demonyms, more.demonyms),
                    concat(capitals, more.capitals), concat(agencies, more.agencies),
                    concat(institutions, more.institutions), concat(abbreviations, more.abbreviations),
                    concat(pairAbbreviations, more.pairAbbreviations));
        }
    }

    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads one taxonomy file; {@code source} names it in error messages. Never returns null. */
    static Taxonomy read(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read taxonomy " + source + ": " + e.getMessage(), e);
        }
        Map<String, Integer> lines = new HashMap<>();
        Taxonomy t;
        try {
            if (!keyLines(bytes, lines)) {
                return empty();
            }
            t = YAML.readValue(bytes, Taxonomy.class);
        } catch (JsonMappingException e) {
            // Records are built after their whole mapping is read, so Jackson's own location points past the
            // offending key; the key's path finds its line instead.
            String path = path(e.getPath());
            throw new IllegalArgumentException("Invalid taxonomy " + source + line(lines, path, e.getLocation())
                    + (path.isEmpty() ? "" : " (" + path + ")") + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            // The YAML parser's messages span several lines; a log line should not.
            throw new IllegalArgumentException("Invalid taxonomy " + source + line(lines, "", e.getLocation()) + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").trim(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read taxonomy " + source + ": " + e.getMessage(), e);
        }
        if (t == null) {
            return empty();
        }
        t.validate(source, lines);
        return t;
    }

    /** Records the line of every key by its path ("signals.cyber.weight", "actors[1].country"); false if empty. */
    private static boolean keyLines(byte[] bytes, Map<String, Integer> lines) throws IOException {
        try (JsonParser p = YAML.createParser(bytes)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return false;
            }
            for (; token != null; token = p.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    int line = p.currentTokenLocation().getLineNr();
                    // A mapping's own path ("actors[1]") takes the line of its first key.
                    for (String path = path(p.getParsingContext()); !path.isEmpty(); path = parent(path)) {
                        lines.putIfAbsent(path, line);
                    }
                }
            }
            return true;
        }
    }

    private static String path(JsonStreamContext context) {
        List<JsonMappingException.Reference> refs = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            refs.add(0, c.inArray() ? new JsonMappingException.Reference(null, c.getCurrentIndex())
                    : new JsonMappingException.Reference(null, c.getCurrentName()));
        }
        return path(refs);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String parent(String path) {
        return path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
    }

    /** " line N" for the key at {@code path} or its nearest recorded parent, else Jackson's location. */
    private static String line(Map<String, Integer> lines, String path, JsonLocation fallback) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return " line " + line;
            }
        }
        return fallback == null || fallback.getLineNr() < 1 ? "" : " line " + fallback.getLineNr();
    }

    static Taxonomy empty() {
        return new Taxonomy(null, null, null, null, Map.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(),
                List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private void validate(String source, Map<String, Integer> lines) {
        String where = "Invalid taxonomy " + source;
        for (String cue : nonNull(cues).keySet()) {
            if (!CUE_NAMES.contains(cue)) {
                throw new IllegalArgumentException(where + line(lines, "cues." + cue, null) + ": unknown cue list '"
                        + cue + "', expected one of " + CUE_NAMES);
            }
        }
        for (String rule : nonNull(rules).keySet()) {
            if (!RULE_NAMES.contains(rule)) {
                throw new IllegalArgumentException(where + line(lines, "rules." + rule, null) + ": unknown rule '"
                        + rule + "', expected one of " + RULE_NAMES);
            }
        }
        for (String key : nonNull(selection).keySet()) {
            if (!SELECTION_NAMES.contains(key)) {
                throw new IllegalArgumentException(where + line(lines, "selection." + key, null)
                        + ": unknown selection setting '"
                        + key + "', expected one of " + SELECTION_NAMES);
            }
        }
        for (Map.Entry<String, Signal> s : nonNull(signals).entrySet()) {
            Signal signal = s.getValue();
            if (signal != null && signal.saturation() != null && signal.saturation() <= 0) {
                String key = "signals." + s.getKey() + ".saturation";
                throw new IllegalArgumentException(where + line(lines, key, null) + ": " + key + " must be positive");
            }
        }
        for (int i = 0; i < nonNull(actors).size(); i++) {
            ActorEntry a = actors.get(i);
            String at = where + line(lines, "actors[" + i + "].country", null);
            if (a == null || a.name() == null || a.name().isBlank()) {
                throw new IllegalArgumentException(where + line(lines, "actors[" + i + "]", null)
                        + ": actors[" + i + "] has no name");
            }
            if (a.country() != null && !a.country().matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(at + ": actor '" + a.name() + "' has country '" + a.country()
                        + "', expected an ISO 3166-1 alpha-2 code");
            }
        }
        for (String code : nonNull(countries).keySet()) {
            if (!code.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(where + line(lines, "countries." + code, null) + ": country '"
                        + code + "' is not an ISO 3166-1 alpha-2 code");
            }
        }
        for (int i = 0; i < nonNull(interactions).size(); i++) {
            Interaction x = interactions.get(i);
            if (x == null || x.signals() == null || x.weight() == null) {
                throw new IllegalArgumentException(where + line(lines, "interactions[" + i + "]", null)
                        + ": interactions[" + i + "] needs signals and weight");
            }
        }
    }

    /** This taxonomy with {@code over} laid on top: scalars replace, maps merge by key, lists add. */
    Taxonomy merge(Taxonomy over) {
        Objects.requireNonNull(over, "over");
        Map<String, Signal> mergedSignals = new LinkedHashMap<>(nonNull(signals));
        nonNull(over.signals).forEach((name, s) -> mergedSignals.merge(name, s, Taxonomy::mergeSignal));
        Map<String, ActorEntry> byName = new LinkedHashMap<>();
        // An actor listed again (a language file's "Lazarus Group" with its local names) gains the aliases and, if
        // given, the country; it keeps the names listed before ("Lazarus").
        for (ActorEntry a : concat(actors, over.actors)) {
            byName.merge(a.name(), a, (was, more) -> new ActorEntry(was.name(),
                    more.country() != null ? more.country() : was.country(), concat(was.aliases(), more.aliases())));
        }
        return new Taxonomy(
                over.bias != null ? over.bias : bias,
                over.threshold != null ? over.threshold : threshold,
                over.titleWeight != null ? over.titleWeight : titleWeight,
                over.referenceLength != null ? over.referenceLength : referenceLength,
                mergedSignals,
                concat(interactions, over.interactions),
                mergeLists(cues, over.cues),
                mergeLists(sectors, over.sectors),
                List.copyOf(byName.values()),
                mergeLists(malware, over.malware),
                concat(malwareNouns, over.malwareNouns),
                mergeLists(techniques, over.techniques),
                mergeMaps(rules, over.rules),
                mergeMaps(selection, over.selection),
                mergeCountries(countries, over.countries));
    }

    private static Map<String, CountryNames> mergeCountries(Map<String, CountryNames> a, Map<String, CountryNames> b) {
        Map<String, CountryNames> out = new LinkedHashMap<>(nonNull(a));
        nonNull(b).forEach((code, names) -> out.merge(code, names, CountryNames::plus));
        return out;
    }

    private static Signal mergeSignal(Signal base, Signal over) {
        Map<String, Double> terms = new LinkedHashMap<>(nonNull(base.terms()));
        terms.putAll(nonNull(over.terms()));
        return new Signal(over.weight() != null ? over.weight() : base.weight(),
                over.saturation() != null ? over.saturation() : base.saturation(), terms);
    }

    /**
     * The lists of {@code a} with those of {@code b} added; an entry of {@code b} written {@code "!entry"} takes
     * {@code entry} out instead: a language file drops an English word its analyzer would confuse with one of its
     * own (German "Namen" stems as English "names").
     */
    private static Map<String, List<String>> mergeLists(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        nonNull(a).forEach((k, v) -> out.put(k, new ArrayList<>(nonNull(v))));
        nonNull(b).forEach((k, v) -> {
            List<String> list = out.computeIfAbsent(k, x -> new ArrayList<>());
            for (String entry : nonNull(v)) {
                if (entry.startsWith("!")) {
                    list.remove(entry.substring(1));
                } else {
                    list.add(entry);
                }
            }
        });
        out.replaceAll((k, v) -> List.copyOf(new LinkedHashSet<>(v)));
        return out;
    }

    private static <V> Map<String, V> mergeMaps(Map<String, V> a, Map<String, V> b) {
        Map<String, V> out = new LinkedHashMap<>(nonNull(a));
        out.putAll(nonNull(b));
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(nonNull(a));
        out.addAll(nonNull(b));
        return out;
    }

    static <K, V> Map<K, V> nonNull(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
