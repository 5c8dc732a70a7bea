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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a news article reports cyber-espionage and tags who did it, whom it hit, the sectors,
 * malware, CVEs and ATT&amp;CK techniques, each tag with its evidence. Immutable and thread-safe once loaded.
 */
public final class Tagger {
    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);
    private static final String VERSION = "spyglass-tagger/1.1";
    /** The languages with rules of their own (ISO 639-1); any other is tagged with the English rules. */
    public static final List<String> LANGUAGES = List.of("en", "ja", "zh", "ko", "ru", "de", "fr");
    private static final String BASE = "/io/spyglass/enrich/tag/";
    // Enterprise ATT&CK ids run T1001..T1699; requiring the leading 1 keeps "T800" and the like out.
    private static final Pattern TECHNIQUE = Pattern.compile("T1\\d{3}(?:\\.\\d{3})?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MIXED_CASE_NAME = Pattern.compile("(?:\\p{Lu}.*\\p{Lu}|.*\\d).*");
    private static final Taxonomy.RuleWeight NO_RULE = new Taxonomy.RuleWeight(null, null, null);
    private static final int MAX_SIGNAL_EVIDENCE = 25;
    private static final int MAX_EVIDENCE_PER_VALUE = 5;
    // How many CJK characters may stand between a possessive particle and the noun or victim cue it leads to.
    private static final int MAX_CJK_POSSESSIVE_REACH = 10;
    /** How many characters a CJK compound may run from a state to its target noun ("韩国加密货币交易所"). */
    private static final int MAX_CJK_COMPOUND_REACH = 6;
    // How many words may stand between a target noun and the state adjective after it ("entreprises de défense
    // sud-coréennes").
    private static final int MAX_TARGET_NOUN_BEFORE_REACH = 3;
    // The shortest country names taken from the JDK's locale data (addLocalNames).
    private static final int MIN_CJK_LOCAL_NAME = 3;
    private static final int MIN_LOCAL_NAME = 4;
    /** States listed together as targets, at least this many, are all victims whatever the others' weight. */
    private static final int MIN_LIST_STANDING = 3;

    /**
     * What a name stands for. An {@code INSTITUTION} is a body a state's press names as its own and that is hit, not
     * an attacker: a parliament, a ministry, "domestic" (国会, 외교부, 国内, Bundestag); it is never attributed.
     */
    private enum Kind { COUNTRY, DEMONYM, CAPITAL, AGENCY, INSTITUTION, ACTOR }

    /** A named state or actor a phrase stands for. */
    private record Entity(Kind kind, String code, String actor, boolean needsContext, String rule) {
    }

    private enum TermKind { SIGNAL, SECTOR, MALWARE, TECHNIQUE }

    /** A taxonomy term a phrase stands for. */
    private record Term(TermKind kind, String value, double weight, String rule) {
    }

    /**
     * What one mention of a state or actor says: toward attribution or victimhood ({@code weight}), and what it
     * adds to the verdict's signals, times {@code boost} (the title weight or 1). {@code list} is the first token
     * of the list of states the mention shares its role with ("targeting India, Nepal and Bhutan"), or -1.
     */
    private record Role(String code, double weight, Map<String, Double> signals, double boost, int first, int last,
                        String rule, int list) {
        Role(String code, double weight, Map<String, Double> signals, double boost, int first, int last, String rule) {
            this(code, weight, signals, boost, first, last, rule, -1);
        }
    }

    private final Taxonomy taxonomy;
    private final String language;
    // Every language's tagger by its code, this one's included; shared by all of them.
    private final Map<String, Tagger> languages;
    private final Map<String, Country> countries;
    private final Map<String, String> actorCountries;
    private final Set<String> criminalActors = new HashSet<>();
    private final Vocabulary vocabulary;
    private final PhraseMatcher<Entity> entities;
    private final PhraseMatcher<Term> signalTerms;
    private final PhraseMatcher<Term> labelTerms;
    private final Map<String, PhraseList> cues = new HashMap<>();
    // The cue lists the rules consult, resolved once: looking them up by name cost a hash probe per use.
    private final PhraseList cueAccuseVerbs;
    private final PhraseList cueActorNouns;
    private final PhraseList cueAgentVerbs;
    private final PhraseList cueBystanderPrefixes;
    private final PhraseList cueHedges;
    private final PhraseList cueLinkPhrases;
    private final PhraseList cueLinkWords;
    private final PhraseList cueModifiers;
    private final PhraseList cueReportVerbs;
    private final PhraseList cueStateModifiers;
    private final PhraseList cueTargetNouns;
    private final PhraseList cueVendorNouns;
    private final PhraseList cueVictimPhrases;
    private final PhraseList cueActorNounsBefore;
    private final PhraseList cueTargetNounsBefore;
    private final PhraseList cueVictimSuffixes;
    private final PhraseList cueAccuseSuffixes;
    private final PhraseList cueRegions;
    // Single words the rules test for, by vocabulary id: comparing ids needs no lower-cased string per token.
    // The word sets are indexed by id + 1, so that UNKNOWN needs no test of its own (see in()).
    private final int cveId;
    private final boolean[] malwareNoun;
    private final boolean[] possessives;
    private final boolean[] passiveMarkers;
    private final boolean[] skippedBefore;
    private final boolean[] placeWords;
    private final boolean[] listGlue;
    // The score's signals and interactions as arrays, in the taxonomy's order; a signal an interaction names
    // but the taxonomy lacks has index signalNames.length, whose strength stays 0.
    private final String[] signalNames;
    private final double[] signalSaturation;
    private final double[] signalWeight;
    private final double[] interactionWeight;
    private final int[][] interactionSignals;
    private final boolean[][] interactionNegated;
    private final double bias;
    private final double threshold;
    private final double titleWeight;
    private final double referenceLength;

    private Tagger(Taxonomy taxonomy, String language, Map<String, Tagger> languages) {
        this.taxonomy = taxonomy;
        this.language = language;
        this.languages = languages;
        this.vocabulary = new Vocabulary(Stemmer.forLanguage(language));
        this.entities = new PhraseMatcher<>(vocabulary);
        this.signalTerms = new PhraseMatcher<>(vocabulary);
        this.labelTerms = new PhraseMatcher<>(vocabulary);
        this.bias = Objects.requireNonNullElse(taxonomy.bias(), 0.0);
        this.threshold = Objects.requireNonNullElse(taxonomy.threshold(), 0.5);
        this.titleWeight = Objects.requireNonNullElse(taxonomy.titleWeight(), 1.0);
        this.referenceLength = Objects.requireNonNullElse(taxonomy.referenceLength(), 0.0);
        this.countries = loadCountries();
        this.actorCountries = loadActors(taxonomy);
        for (String name : Taxonomy.CUE_NAMES) {
            cues.put(name, new PhraseList(Taxonomy.nonNull(taxonomy.cues().get(name)), vocabulary));
        }
        this.cueAccuseVerbs = cues.get("accuseVerbs");
        this.cueActorNouns = cues.get("actorNouns");
        this.cueAgentVerbs = cues.get("agentVerbs");
        this.cueBystanderPrefixes = cues.get("bystanderPrefixes");
        this.cueHedges = cues.get("hedges");
        this.cueLinkPhrases = cues.get("linkPhrases");
        this.cueLinkWords = cues.get("linkWords");
        this.cueModifiers = cues.get("modifiers");
        this.cueReportVerbs = cues.get("reportVerbs");
        this.cueStateModifiers = cues.get("stateModifiers");
        this.cueTargetNouns = cues.get("targetNouns");
        this.cueVendorNouns = cues.get("vendorNouns");
        this.cueVictimPhrases = cues.get("victimPhrases");
        this.cueActorNounsBefore = cues.get("actorNounsBefore");
        this.cueTargetNounsBefore = cues.get("targetNounsBefore");
        this.cueVictimSuffixes = cues.get("victimSuffixes");
        this.cueAccuseSuffixes = cues.get("accuseSuffixes");
        this.cueRegions = cues.get("regions");
        List<String> signalOrder = new ArrayList<>(taxonomy.signals().keySet());
        this.signalNames = signalOrder.toArray(new String[0]);
        this.signalSaturation = new double[signalNames.length];
        this.signalWeight = new double[signalNames.length];
        for (int s = 0; s < signalNames.length; s++) {
            Taxonomy.Signal signal = taxonomy.signals().get(signalNames[s]);
            signalSaturation[s] = Objects.requireNonNullElse(signal.saturation(), 1.0);
            signalWeight[s] = Objects.requireNonNullElse(signal.weight(), 0.0);
        }
        List<Taxonomy.Interaction> interactions = taxonomy.interactions();
        this.interactionWeight = new double[interactions.size()];
        this.interactionSignals = new int[interactions.size()][];
        this.interactionNegated = new boolean[interactions.size()][];
        for (int i = 0; i < interactions.size(); i++) {
            List<String> signals = interactions.get(i).signals();
            interactionWeight[i] = interactions.get(i).weight();
            interactionSignals[i] = new int[signals.size()];
            interactionNegated[i] = new boolean[signals.size()];
            for (int k = 0; k < signals.size(); k++) {
                boolean negated = signals.get(k).startsWith("!");
                int index = signalOrder.indexOf(negated ? signals.get(k).substring(1) : signals.get(k));
                interactionNegated[i][k] = negated;
                interactionSignals[i][k] = index < 0 ? signalNames.length : index;
            }
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
        int[] nouns = ids(Taxonomy.nonNull(taxonomy.malwareNouns()).stream()
                .map(n -> Tokens.lowerCase(n, 0, n.length())).toArray(String[]::new));
        int[] possessive = cueWords("possessives");
        int[] passive = cueWords("passiveMarkers");
        int[] articles = cueWords("articles");
        int[] places = cueWords("placeWords");
        int[] glue = cueWords("listGlue");
        // Built last, once the vocabulary is complete, so that they cover every id.
        this.malwareNoun = wordSet(nouns);
        this.possessives = wordSet(possessive);
        this.passiveMarkers = wordSet(passive);
        this.skippedBefore = wordSet(articles, possessive);
        this.placeWords = wordSet(places);
        this.listGlue = wordSet(glue);
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
        Taxonomy bundled = bundledTaxonomy();
        Map<String, Tagger> byLanguage = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            Taxonomy t = language.equals("en") ? bundled : bundled.merge(languageTaxonomy(language));
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
        Tokens tokens = Tokens.of(full, vocabulary);
        int titleEnd = head.length();
        List<Evidence> evidence = new ArrayList<>();
        int titleTokens = 0;
        while (titleTokens < tokens.size() && tokens.start(titleTokens) < titleEnd) {
            titleTokens++;
        }

        Map<String, Double> sums = new HashMap<>();
        List<Evidence> signalEvidence = new ArrayList<>();
        Set<String> seenTerms = new LinkedHashSet<>();
        for (PhraseMatcher.Match<Term> m : signalTerms.matchOverlapping(tokens)) {
            Term term = m.payload();
            double w = term.weight() * (tokens.start(m.first()) < titleEnd ? titleWeight : 1);
            sums.merge(term.value(), w, Double::sum);
            if (seenTerms.add(term.rule()) && signalEvidence.size() < MAX_SIGNAL_EVIDENCE) {
                signalEvidence.add(evidence("espionage", term.value(), tokens, m.first(), m.last(), term.rule()));
            }
        }

        List<PhraseMatcher.Match<Entity>> found = oneMentionPerState(entities.match(tokens));
        boolean[] stateToken = new boolean[tokens.size()];
        for (PhraseMatcher.Match<Entity> m : found) {
            if (m.payload().kind() != Kind.ACTOR) {
                for (int i = m.first(); i < m.last(); i++) {
                    stateToken[i] = true;
                }
            }
        }
        List<Role> attributions = new ArrayList<>();
        List<Role> victimRoles = new ArrayList<>();
        Map<String, Evidence> actorsFound = new LinkedHashMap<>();
        List<PhraseMatcher.Match<Entity>> states = new ArrayList<>();
        PhraseMatcher.Match<Entity> lastActor = null;
        List<PhraseMatcher.Match<Entity>> institutions = new ArrayList<>();
        Map<Integer, String> stateEnds = new HashMap<>();
        for (PhraseMatcher.Match<Entity> m : found) {
            Kind kind = m.payload().kind();
            if (kind != Kind.ACTOR && kind != Kind.AGENCY && kind != Kind.INSTITUTION) {
                stateEnds.put(m.last(), m.payload().code());
            }
        }
        for (PhraseMatcher.Match<Entity> m : found) {
            Entity e = m.payload();
            double boost = tokens.start(m.first()) < titleEnd ? titleWeight : 1;
            if (e.kind() == Kind.ACTOR) {
                // One name listed for two actors (a galaxy entry and a taxonomy entry) names one of them.
                boolean sameSpan = lastActor != null && lastActor.first() == m.first() && lastActor.last() == m.last();
                // A spyware vendor the galaxy lists as an actor ("Hacking Team") sells tools; it is no state's actor.
                boolean vendor = cueVendorNouns.startsAt(tokens, m.first()) == m.last() - m.first();
                if (sameSpan || vendor || (e.needsContext() && !inContext(tokens, m))) {
                    continue;
                }
                lastActor = m;
                actorsFound.putIfAbsent(e.actor(), evidence("actors", e.actor(), tokens, m.first(), m.last(),
                        e.rule()));
                if (criminalActors.contains(e.actor())) {
                    addSignals(sums, rule("criminal-actor").signalsOrEmpty(), boost);
                    continue;
                }
                String country = actorCountries.get(e.actor());
                Taxonomy.RuleWeight w = rule("actor");
                if (country != null) {
                    attributions.add(new Role(country, w.attributionOrZero() * boost, w.signalsOrEmpty(), boost,
                            m.first(), m.last(), "actor:" + e.actor()));
                } else {
                    addSignals(sums, rule("unattributed-actor").signalsOrEmpty(), boost);
                }
                continue;
            }
            PhraseMatcher.Match<Entity> owned = e.kind() == Kind.AGENCY || e.kind() == Kind.INSTITUTION
                    ? ownedAgency(tokens, m, stateEnds) : m;
            if (owned.payload().kind() == Kind.INSTITUTION) {
                // "欧州各国の外務省" is some other states' ministry, which one unknown: no state's mention at all.
                if (regional(tokens, m)) {
                    continue;
                }
                institutions.add(owned);
            }
            if (!bystander(tokens, m, stateToken)) {
                states.add(owned);
            }
        }
        roles(tokens, states, stateToken, titleEnd, attributions, victimRoles);
        attributions.forEach(r -> addSignals(sums, r.signals(), r.boost()));

        double z = logit(sums, full.length());
        if (LOG.isTraceEnabled()) {
            LOG.trace("FEATURES {} LENGTH {}", sums, full.length());
            attributions.forEach(r -> LOG.trace("  A {} {} {} | {}", r.code(), r.weight(), r.rule(),
                    tokens.span(r.first(), r.last())));
            victimRoles.forEach(r -> LOG.trace("  V {} {} {} | {}", r.code(), r.weight(), r.rule(),
                    tokens.span(r.first(), r.last())));
        }
        double score = Math.round(1000.0 / (1 + Math.exp(-z))) / 1000.0;
        boolean espionage = score >= threshold;
        evidence.addAll(signalEvidence);

        List<PhraseMatcher.Match<Term>> labelMatches = labelTerms.match(tokens);
        List<Country> attributed = List.of();
        List<Country> victims = List.of();
        List<Actor> actors = List.of();
        List<String> sectors = List.of();
        if (espionage) {
            attributed = select(attributions, victimRoles, titleTokens, setting("attributedMin"),
                    setting("attributedLoneMin"), setting("attributedRatio"),
                    Set.of(), "attributed", tokens, evidence);
            Set<String> attributedCodes = new LinkedHashSet<>();
            attributed.forEach(c -> attributedCodes.add(c.code()));
            victims = select(victimRoles, List.of(), 0, setting("victimMin"), setting("victimLoneMin"),
                    setting("victimRatio"), attributedCodes, "victims", tokens, evidence);
            if (victims.isEmpty()) {
                victims = institutionVictim(institutions, attributedCodes, tokens, evidence);
            }
            actors = new ArrayList<>();
            for (Map.Entry<String, Evidence> a : actorsFound.entrySet()) {
                // A criminal group's country is where it is based, not a state behind it.
                actors.add(new Actor(a.getKey(), criminalActors.contains(a.getKey()) ? null
                        : actorCountries.get(a.getKey())));
                evidence.add(a.getValue());
            }
            // "Russian military intelligence" describes the attacker, not a defence victim.
            boolean[] attackerToken = new boolean[tokens.size()];
            attributions.forEach(r -> Arrays.fill(attackerToken, r.first(), r.last(), true));
            List<PhraseMatcher.Match<Term>> victimSide = labelMatches.stream()
                    .filter(m -> !attackerToken[m.first()]).toList();
            sectors = labels(tokens, victimSide, TermKind.SECTOR, evidence);
        }
        List<String> malware = malware(tokens, labelMatches, evidence);
        List<String> cves = cves(tokens, evidence);
        List<String> techniques = techniques(tokens, labelMatches, evidence);
        return new Tags(espionage, score, attributed, victims, actors, sectors, malware, cves, techniques, evidence,
                VERSION);
    }

    /** Classifies each state mention as attacker, victim or neither, into {@code attackers} and {@code victims}. */
    private void roles(Tokens tokens, List<PhraseMatcher.Match<Entity>> states, boolean[] stateToken, int titleEnd,
                       List<Role> attackers, List<Role> victims) {
        Role[] attacker = new Role[states.size()];
        Role[] victim = new Role[states.size()];
        int[] listOf = new int[states.size()];
        Arrays.fill(listOf, -1);
        for (int i = 0; i < states.size(); i++) {
            boolean institution = states.get(i).payload().kind() == Kind.INSTITUTION;
            attacker[i] = institution ? null : attribution(tokens, states.get(i), stateToken);
            victim[i] = attacker[i] == null ? victim(tokens, states.get(i), stateToken) : null;
        }
        // "the NSA and GCHQ developed …", "targeting India and Pakistan": a listed state shares its neighbour's role.
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < states.size(); k++) {
                int i = pass == 0 ? k : states.size() - 1 - k;
                int j = pass == 0 ? i - 1 : i + 1;
                // The title's last word and the text's first are on two lines, but no list ("against Iran" / "US").
                if (j < 0 || j >= states.size()
                        || !listed(tokens, states.get(Math.min(i, j)), states.get(Math.max(i, j)))
                        || inTitle(tokens, states.get(i), titleEnd) != inTitle(tokens, states.get(j), titleEnd)) {
                    continue;
                }
                boolean weak = attacker[i] == null || attacker[i].rule().equals("agency-mention");
                boolean roleless = weak && victim[i] == null;
                boolean institution = states.get(i).payload().kind() == Kind.INSTITUTION;
                if (roleless && !institution && attacker[j] != null && !attacker[j].rule().equals("agency-mention")) {
                    attacker[i] = coordinated(attacker[j], states.get(i));
                } else if (roleless && attacker[i] == null && victim[j] != null) {
                    victim[i] = coordinated(victim[j], states.get(i));
                    listOf[j] = listOf[j] < 0 ? states.get(j).first() : listOf[j];
                    listOf[i] = listOf[j];
                }
            }
        }
        for (int i = 0; i < states.size(); i++) {
            double boost = tokens.start(states.get(i).first()) < titleEnd ? titleWeight : 1;
            if (attacker[i] != null) {
                attackers.add(withBoost(attacker[i], boost));
            } else if (victim[i] != null) {
                Role r = withBoost(victim[i], boost);
                victims.add(new Role(r.code(), r.weight(), r.signals(), r.boost(), r.first(), r.last(), r.rule(),
                        listOf[i]));
            }
        }
    }

    /**
     * One match per state and span: a name listed twice for a state (as name and demonym, in countries.tsv and a
     * language file, or two spellings one stem) is one mention, not several; an institution wins over other kinds.
     */
    private static List<PhraseMatcher.Match<Entity>> oneMentionPerState(List<PhraseMatcher.Match<Entity>> found) {
        List<PhraseMatcher.Match<Entity>> out = new ArrayList<>(found.size());
        PhraseMatcher.Match<Entity> last = null;
        for (PhraseMatcher.Match<Entity> m : found) {
            boolean repeat = last != null && m.payload().kind() != Kind.ACTOR && last.payload().kind() != Kind.ACTOR
                    && last.first() == m.first() && last.last() == m.last()
                    && Objects.equals(last.payload().code(), m.payload().code());
            if (!repeat) {
                out.add(m);
                last = m;
            } else if (m.payload().kind() == Kind.INSTITUTION) {
                // A language file that lists a name as an institution ("Bundestag") overrides the table's kind.
                out.set(out.size() - 1, m);
                last = m;
            }
        }
        return out;
    }

    private static boolean inTitle(Tokens t, PhraseMatcher.Match<Entity> m, int titleEnd) {
        return t.start(m.first()) < titleEnd;
    }

    /** The logistic score's argument: bias, signal strengths and their interactions. */
    private double logit(Map<String, Double> sums, int length) {
        // Evidence is judged against the article's length: three mentions in a short news item say more than
        // three in a long essay. The factor is sqrt(length / referenceLength), kept within [0.4, 2].
        double lengthFactor = referenceLength <= 0 ? 1
                : Math.min(2.0, Math.max(0.4, Math.sqrt(length / referenceLength)));
        double z = bias;
        double[] strength = new double[signalNames.length + 1];
        for (int s = 0; s < signalNames.length; s++) {
            double saturation = signalSaturation[s] * lengthFactor;
            double st = 1 - Math.exp(-sums.getOrDefault(signalNames[s], 0.0) / saturation);
            strength[s] = st;
            z += signalWeight[s] * st;
        }
        for (int i = 0; i < interactionWeight.length; i++) {
            double product = interactionWeight[i];
            int[] signals = interactionSignals[i];
            for (int k = 0; k < signals.length; k++) {
                product *= interactionNegated[i][k] ? 1 - strength[signals[k]] : strength[signals[k]];
            }
            z += product;
        }
        return z;
    }

    /** The attribution one state mention makes, or null when it is not phrased as the attacker. */
    private Role attribution(Tokens t, PhraseMatcher.Match<Entity> m, boolean[] stateToken) {
        String code = m.payload().code();
        int n = t.size();
        int after = m.last();
        if (after < n && cueLinkWords.startsAt(t, after) > 0) {
            return attributionRole(code, "state-link-word", m.first(), after + cueLinkWords.startsAt(t, after));
        }
        // "中国を非難": languages whose verbs follow their object accuse after the name.
        int accusedAfter = after < n ? cueAccuseSuffixes.startsAt(t, after) : 0;
        if (accusedAfter > 0) {
            return attributionRole(code, "accusation", m.first(), after + accusedAfter);
        }
        int k = after;
        boolean qualified = false;
        for (int skipped = 0; k < n && skipped < 4; skipped++) {
            if (cueActorNouns.startsAt(t, k) > 0) {
                break;
            }
            int len = cueModifiers.startsAt(t, k);
            if (len == 0 && in(possessives, t.id(k))) {
                // "中国の軍のハッカー": a possessive particle joins the modifiers as "'s" does in "Tehran's".
                len = 1;
            }
            if (len == 0) {
                break;
            }
            qualified |= cueStateModifiers.startsAt(t, k) > 0;
            k += len;
        }
        // "Kremlin-backed" and "Tehran's hackers" name a state behind an actor; "Chancellery unit" names an office.
        boolean owner = m.payload().kind() != Kind.CAPITAL
                || (after < n && in(possessives, t.id(after)));
        // "Israel's Unit 8200" is an agency with its own mention, not the noun of this one.
        int noun = k < n && owner && !stateToken[k] ? cueActorNouns.startsAt(t, k) : 0;
        if (noun > 0) {
            // "Chinese hackers" names a nationality; "Chinese military hackers" and "Russian intelligence
            // officers" name a state behind them.
            for (int q = k; q < k + noun; q++) {
                qualified |= cueStateModifiers.startsAt(t, q) > 0;
            }
            boolean agency = m.payload().kind() == Kind.AGENCY;
            return attributionRole(code, qualified || agency ? "state-actor-noun-qualified" : "state-actor-noun",
                    m.first(), k + noun);
        }
        int before = skipBack(t, m.first(), stateToken);
        int link = cueLinkPhrases.endsAt(t, before);
        if (link > 0) {
            return attributionRole(code, "link-phrase", before - link, m.last());
        }
        Role nounBefore = actorNounBefore(t, m, before);
        if (nounBefore != null) {
            return nounBefore;
        }
        // "China purportedly hacked", "Russia has also targeted": hedges may stand before the verb.
        int v = after;
        for (int skipped = 0; v < n && skipped < 3; skipped++) {
            int hedge = cueHedges.startsAt(t, v);
            if (hedge == 0) {
                break;
            }
            v += hedge;
        }
        int verb = cueAgentVerbs.startsAt(t, v);
        if (verb > 0 && !(v + verb < n && in(passiveMarkers, t.id(v + verb)))) {
            return attributionRole(code, "agent-verb", m.first(), v + verb);
        }
        int accuse = cueAccuseVerbs.endsAt(t, before);
        if (accuse > 0) {
            return attributionRole(code, "accusation", before - accuse, m.last());
        }
        if (m.payload().kind() == Kind.AGENCY) {
            return attributionRole(code, "agency-mention", m.first(), m.last());
        }
        return null;
    }

    /**
     * A mention that says nothing of the state's role: it reports or comments ("Japan said", "U.S. officials
     * say", "according to the NSA"), or it is a vendor's nationality ("Israeli firm", "Italy's Hacking Team").
     */
    private boolean bystander(Tokens t, PhraseMatcher.Match<Entity> m, boolean[] stateToken) {
        int after = m.last();
        if (cueReportVerbs.startsAt(t, after) > 0
                || cueBystanderPrefixes.endsAt(t, skipBack(t, m.first(), stateToken)) > 0) {
            return true;
        }
        int k = after < t.size() && in(possessives, t.id(after)) ? after + 1 : after;
        for (int skipped = 0; k < t.size() && skipped < 3 && t.isWord(k); skipped++, k++) {
            if (cueVendorNouns.startsAt(t, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * "pirates informatiques chinois", "hackers étatiques russes": the attacker's noun before a nationality that
     * follows it, as in French; null when none.
     */
    private Role actorNounBefore(Tokens t, PhraseMatcher.Match<Entity> m, int before) {
        int p = before;
        boolean qualified = false;
        for (int skipped = 0; p > 0 && skipped < 4; skipped++) {
            if (cueActorNounsBefore.endsAt(t, p) > 0) {
                break;
            }
            int len = cueModifiers.endsAt(t, p);
            if (len == 0) {
                break;
            }
            qualified |= cueStateModifiers.endsAt(t, p) > 0;
            p -= len;
        }
        int noun = p > 0 ? cueActorNounsBefore.endsAt(t, p) : 0;
        if (noun == 0) {
            return null;
        }
        boolean agency = m.payload().kind() == Kind.AGENCY;
        return attributionRole(m.payload().code(), qualified || agency ? "state-actor-noun-qualified"
                : "state-actor-noun", p - noun, m.last());
    }

    /** The victimhood one state mention states, or null. */
    private Role victim(Tokens t, PhraseMatcher.Match<Entity> m, boolean[] stateToken) {
        String code = m.payload().code();
        // "日本を標的に", "한국을 겨냥한": languages whose particles follow the noun name the target after it.
        int suffix = m.last() < t.size() ? cueVictimSuffixes.startsAt(t, m.last()) : 0;
        if (suffix > 0) {
            return victimRole(code, "victim-phrase", m.first(), m.last() + suffix);
        }
        int before = skipBack(t, m.first(), stateToken);
        int phrase = cueVictimPhrases.endsAt(t, before);
        if (phrase > 0) {
            // "in China" is only where something is, unless a target precedes it ("ministries in China").
            boolean where = in(placeWords, t.id(before - 1));
            boolean bareIn = phrase == 1 && where
                    && !(before >= 2 && cueTargetNouns.endsAt(t, before - 1) > 0);
            return victimRole(code, bareIn ? "victim-phrase-weak" : "victim-phrase", before - phrase, m.last());
        }
        // Languages that put the adjective after its noun name the target first: "des ministères ukrainiens".
        int p = m.first();
        for (int skipped = 0; p > 0 && skipped <= MAX_TARGET_NOUN_BEFORE_REACH; skipped++, p--) {
            int noun = cueTargetNounsBefore.endsAt(t, p);
            if (noun > 0) {
                return victimRole(code, "victim-target-noun", p - noun, m.last());
            }
            if (!t.isWord(p - 1) || stateToken[p - 1]) {
                break;
            }
        }
        int k = m.last();
        boolean possessive = k < t.size() && in(possessives, t.id(k));
        if (possessive) {
            k++;
        }
        // A possessive reaches over a few words to its noun ("Japan's classified defence networks"); in CJK text,
        // where every character is a token, over a few characters ("日本の暗号資産交換業者を標的").
        // Without a particle, a CJK compound runs from the state to its noun ("韩国加密货币交易所").
        boolean cjk = k < t.size() && Tokens.isCjk(t.firstChar(k));
        int reach = !cjk ? 2 : possessive ? MAX_CJK_POSSESSIVE_REACH : MAX_CJK_COMPOUND_REACH;
        for (int skipped = 0; k < t.size() && skipped <= reach; skipped++, k++) {
            // "Iran's Ministry of Intelligence" names the state's own agency, not a target.
            if (stateToken[k]) {
                break;
            }
            int noun = cueTargetNouns.startsAt(t, k);
            if (noun > 0) {
                return victimRole(code, possessive ? "victim-possessive" : "victim-target-noun", m.first(), k + noun);
            }
            boolean compound = cjk && Tokens.isCjk(t.firstChar(k));
            if (!t.isWord(k) || !(possessive || compound)) {
                break;
            }
            int cue = skipped > 0 ? cueVictimSuffixes.startsAt(t, k) : 0;
            if (cue > 0) {
                return victimRole(code, "victim-possessive", m.first(), k + cue);
            }
        }
        return null;
    }

    /**
     * When no victim is phrased as one, the state whose own institutions the article names most ("外務省",
     * "국회", "国内", "Bundestag"), unless it is attributed: a ministry's press reports on hits at home without
     * naming the home country.
     */
    private List<Country> institutionVictim(List<PhraseMatcher.Match<Entity>> institutions, Set<String> attributed,
                                            Tokens t, List<Evidence> evidence) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        institutions.forEach(m -> mentions.merge(m.payload().code(), 1, Integer::sum));
        String code = mentions.entrySet().stream().filter(e -> !attributed.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (code == null) {
            return List.of();
        }
        institutions.stream().filter(m -> m.payload().code().equals(code))
                .limit(MAX_EVIDENCE_PER_VALUE)
                .forEach(m -> evidence.add(evidence("victims", code, t, m.first(), m.last(), "victim-institution")));
        return List.of(countries.get(code));
    }

    /**
     * True when a region or a group of states owns an institution: "欧州各国の外務省", "госорганы Центральной Азии",
     * "ministries across Europe" name other states' bodies, not the home country's.
     */
    private boolean regional(Tokens t, PhraseMatcher.Match<Entity> m) {
        int before = m.first() > 0 && in(possessives, t.id(m.first() - 1)) ? m.first() - 1 : m.first();
        int after = m.last() < t.size() && in(placeWords, t.id(m.last())) ? m.last() + 1 : m.last();
        return (before > 0 && cueRegions.endsAt(t, before) > 0) || (after < t.size() && cueRegions.startsAt(t, after) > 0);
    }

    /** The position before a mention, past articles, possessives and other state words ("Iran's IRGC"). */
    private int skipBack(Tokens t, int first, boolean[] stateToken) {
        int p = first;
        for (int steps = 0; p > 0 && steps < 4; steps++) {
            boolean skippable = in(skippedBefore, t.id(p - 1));
            // A state word on an earlier line (the title's last word, a list above) is not part of this phrase.
            if (skippable || (stateToken[p - 1] && !lineBreakBetween(t, p - 1, p))) {
                p--;
            } else {
                break;
            }
        }
        return p;
    }

    private boolean inContext(Tokens t, PhraseMatcher.Match<Entity> m) {
        String written = t.span(m.first(), m.last());
        boolean shouted = written.length() > 2 && written.equals(written.toUpperCase(Locale.ROOT));
        return shouted || (m.last() < t.size() && cueActorNouns.startsAt(t, m.last()) > 0);
    }

    private Taxonomy.RuleWeight rule(String name) {
        return taxonomy.rules().getOrDefault(name, NO_RULE);
    }

    private static void addSignals(Map<String, Double> sums, Map<String, Double> add, double boost) {
        add.forEach((signal, weight) -> sums.merge(signal, weight * boost, Double::sum));
    }

    private double setting(String name) {
        return taxonomy.selection().getOrDefault(name, 0.0);
    }

    private Role attributionRole(String code, String name, int first, int last) {
        Taxonomy.RuleWeight w = rule(name);
        return new Role(code, w.attributionOrZero(), w.signalsOrEmpty(), 1, first, last, name);
    }

    private Role victimRole(String code, String name, int first, int last) {
        return new Role(code, rule(name).victimOrZero(), Map.of(), 1, first, last, name);
    }

    /**
     * An agency named with its state ("Belarus's KGB", "Belarusian KGB") belongs to that state, whatever the
     * table says: some agency names are used by more than one state.
     */
    private PhraseMatcher.Match<Entity> ownedAgency(Tokens t, PhraseMatcher.Match<Entity> m,
                                                    Map<Integer, String> stateEnds) {
        int at = m.first() > 0 && in(possessives, t.id(m.first() - 1)) ? m.first() - 1 : m.first();
        String owner = stateEnds.get(at);
        if (owner == null || owner.equals(m.payload().code())) {
            return m;
        }
        Entity e = m.payload();
        return new PhraseMatcher.Match<>(m.first(), m.last(),
                new Entity(e.kind(), owner, e.actor(), e.needsContext(), e.rule()));
    }

    /**
     * True when only list glue stands between two mentions: commas, "and", "or", "the", "as well as", or a line
     * break ("include the U.S., the U.K. and Egypt", one country per line).
     */
    private boolean listed(Tokens t, PhraseMatcher.Match<Entity> left, PhraseMatcher.Match<Entity> right) {
        int gap = right.first() - left.last();
        if (gap == 0) {
            return lineBreakBetween(t, left.last() - 1, right.first());
        }
        if (gap > 3) {
            return false;
        }
        for (int k = left.last(); k < right.first(); k++) {
            if (!in(listGlue, t.id(k))) {
                return false;
            }
        }
        return true;
    }

    /** True when a line break stands between token {@code left} and token {@code right}. */
    private static boolean lineBreakBetween(Tokens t, int left, int right) {
        for (int c = t.end(left); c < t.start(right); c++) {
            if (t.charAt(c) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static Role coordinated(Role from, PhraseMatcher.Match<Entity> m) {
        return new Role(m.payload().code(), from.weight(), from.signals(), 1, m.first(), m.last(), "coordination");
    }

    private static Role withBoost(Role r, double boost) {
        return new Role(r.code(), r.weight() * boost, r.signals(), boost, r.first(), r.last(), r.rule(), r.list());
    }

    /**
     * Countries whose summed weight, less what {@code against} says for the same country, reaches {@code min}
     * and {@code ratio} of the strongest; strongest first.
     */
    private List<Country> select(List<Role> roles, List<Role> against, int titleTokens, double min, double lone,
                                 double ratio,
                                 Set<String> exclude, String tag, Tokens t, List<Evidence> evidence) {
        Map<String, Double> sum = new LinkedHashMap<>();
        roles.forEach(r -> sum.merge(r.code(), r.weight(), Double::sum));
        // A state the title names as the target ("attacks on Russia's grid") is not the attacker: its victim
        // mentions throughout the article weigh against its mentions as an attacker. When the title also names
        // it as the attacker ("Russian hackers strike back after attacks on Russia"), only the title's count.
        Set<String> titleAttackers = new HashSet<>();
        roles.stream().filter(r -> r.first() < titleTokens).forEach(r -> titleAttackers.add(r.code()));
        Set<String> titleTargets = new HashSet<>();
        against.stream().filter(r -> r.first() < titleTokens).forEach(r -> titleTargets.add(r.code()));
        against.stream()
                .filter(r -> r.first() < titleTokens
                        || (titleTargets.contains(r.code()) && !titleAttackers.contains(r.code())))
                .forEach(r -> sum.computeIfPresent(r.code(), (c, v) -> v - r.weight()));
        double max = sum.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<String> codes = sum.entrySet().stream()
                .filter(e -> e.getValue() >= min && e.getValue() >= ratio * max && !exclude.contains(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        // States listed together as targets share a standing: a list of three or more, or one with a member
        // selected, puts every member that reaches min in ("in Australia, Brazil, Chile, … and Vietnam" beside many
        // mentions of one other state).
        Set<String> chosen = new LinkedHashSet<>(codes);
        Map<Integer, Set<String>> lists = new HashMap<>();
        roles.stream().filter(r -> r.list() >= 0)
                .forEach(r -> lists.computeIfAbsent(r.list(), k -> new LinkedHashSet<>()).add(r.code()));
        lists.values().stream()
                .filter(members -> members.size() >= MIN_LIST_STANDING || members.stream().anyMatch(chosen::contains))
                .flatMap(Set::stream)
                .filter(c -> sum.get(c) >= min && !exclude.contains(c))
                .forEach(chosen::add);
        if (chosen.size() > codes.size()) {
            codes = chosen.stream().sorted(Comparator.comparingDouble((String c) -> sum.get(c)).reversed()).toList();
        }
        if (codes.isEmpty() && lone > 0 && max >= lone) {
            // Several weak mentions of one state (a bare "Cyber Command" throughout) still name the actor.
            codes = sum.entrySet().stream().filter(e -> e.getValue() == max && !exclude.contains(e.getKey()))
                    .map(Map.Entry::getKey).limit(1).toList();
        }
        List<Country> out = new ArrayList<>();
        for (String code : codes) {
            out.add(countries.get(code));
            // The strongest few mentions make the case; a long article may have dozens.
            roles.stream().filter(r -> r.code().equals(code))
                    .sorted(Comparator.comparingDouble(Role::weight).reversed().thenComparingInt(Role::first))
                    .limit(MAX_EVIDENCE_PER_VALUE)
                    .forEach(r -> evidence.add(evidence(tag, code, t, r.first(), r.last(), r.rule())));
        }
        return out;
    }

    /** Distinct label values of one kind, most mentioned first, with the first mention of each as evidence. */
    private static List<String> labels(Tokens t, List<PhraseMatcher.Match<Term>> matches, TermKind kind,
                                       List<Evidence> evidence) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Evidence> first = new LinkedHashMap<>();
        for (PhraseMatcher.Match<Term> m : matches) {
            Term term = m.payload();
            if (term.kind() == kind) {
                counts.merge(term.value(), 1, Integer::sum);
                first.computeIfAbsent(term.value(), v -> evidence(kind.name().toLowerCase(Locale.ROOT) + "s", v, t,
                        m.first(), m.last(), term.rule()));
            }
        }
        List<String> out = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        out.forEach(v -> evidence.add(first.get(v)));
        return out;
    }

    /** Listed families, plus CamelCase or digit-bearing names right before a malware noun ("ReverseRat backdoor"). */
    private List<String> malware(Tokens t, List<PhraseMatcher.Match<Term>> matches, List<Evidence> evidence) {
        Map<String, Evidence> found = new LinkedHashMap<>();
        for (PhraseMatcher.Match<Term> m : matches) {
            if (m.payload().kind() == TermKind.MALWARE) {
                found.computeIfAbsent(m.payload().value(), v -> evidence("malware", v, t, m.first(), m.last(),
                        m.payload().rule()));
            }
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            if (in(malwareNoun, t.id(i + 1)) && Character.isUpperCase(t.firstChar(i))
                    && t.isWord(i)) {
                String name = t.original(i);
                if (name.length() > 3 && MIXED_CASE_NAME.matcher(name).matches() && !found.containsKey(name)
                        && !name.equals(name.toUpperCase(Locale.ROOT))) {
                    found.put(name, evidence("malware", name, t, i, i + 2, "pattern:name+malware-noun"));
                }
            }
        }
        evidence.addAll(found.values());
        return List.copyOf(found.keySet());
    }

    /** Ids written as ATT&amp;CK ids, then ids of technique names, in order of first appearance. */
    private static List<String> techniques(Tokens t, List<PhraseMatcher.Match<Term>> matches,
                                           List<Evidence> evidence) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < t.size(); i++) {
            int length = t.end(i) - t.start(i);
            boolean candidate = t.firstChar(i) == 'T' && (length == 5 || length == 9)
                    && t.charAt(t.start(i) + 1) == '1';
            if (candidate && TECHNIQUE.matcher(t.original(i)).matches()
                    && ids.add(t.original(i))) {
                evidence.add(evidence("techniques", t.original(i), t, i, i + 1, "pattern:attack-technique-id"));
            }
        }
        for (PhraseMatcher.Match<Term> m : matches) {
            Term term = m.payload();
            if (term.kind() == TermKind.TECHNIQUE && ids.add(term.value())) {
                evidence.add(evidence("techniques", term.value(), t, m.first(), m.last(), term.rule()));
            }
        }
        return List.copyOf(ids);
    }

    /** CVE ids ("CVE-2021-26855", any case), upper-cased, in order of first appearance. */
    private List<String> cves(Tokens t, List<Evidence> evidence) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.id(i) == cveId && joinedByHyphen(t, i) && joinedByHyphen(t, i + 1)
                    && isDigits(t, i + 1, 4, 4) && isDigits(t, i + 2, 4, 7)) {
                String id = "CVE-" + t.original(i + 1) + "-" + t.original(i + 2);
                if (out.add(id)) {
                    evidence.add(evidence("cves", id, t, i, i + 3, "pattern:cve-id"));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The vocabulary ids of lower-cased words, adding the words that are new. */
    private int[] ids(String... words) {
        int[] ids = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            ids[k] = vocabulary.add(words[k]);
        }
        return ids;
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

    /** A set of vocabulary ids for {@link #in}, covering every id of the vocabulary as it is now. */
    private boolean[] wordSet(int[]... idLists) {
        boolean[] set = new boolean[vocabulary.size() + 1];
        for (int[] ids : idLists) {
            for (int id : ids) {
                set[id + 1] = true;
            }
        }
        return set;
    }

    private static boolean in(boolean[] wordSet, int id) {
        return wordSet[id + 1];
    }

    private static boolean joinedByHyphen(Tokens t, int i) {
        return t.start(i + 1) == t.end(i) + 1 && t.span(i, i + 2).charAt(t.end(i) - t.start(i)) == '-';
    }

    private static boolean isDigits(Tokens t, int i, int min, int max) {
        int length = t.end(i) - t.start(i);
        return length >= min && length <= max && DIGITS.matcher(t.original(i)).matches();
    }

    private static Evidence evidence(String tag, String value, Tokens t, int first, int last, String rule) {
        return new Evidence(tag, value, t.span(first, last), t.start(first), rule);
    }

    private static Taxonomy bundledTaxonomy() {
        try (InputStream in = Resources.open(BASE + "taxonomy.yaml")) {
            return Taxonomy.read(in, "bundled taxonomy.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled taxonomy", e);
        }
    }

    private static Taxonomy languageTaxonomy(String language) {
        try (InputStream in = Resources.open(BASE + "lang/" + language + ".yaml")) {
            return Taxonomy.read(in, "bundled lang/" + language + ".yaml");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled word lists of language " + language, e);
        }
    }

    /**
     * Every country's name in this tagger's language as the JDK's CLDR data writes it ("Indonesien",
     * "インドネシア"), so that a state the language's file does not list is still found. Short names are left
     * out: in CJK text, matched character by character, "马里" (Mali) is also inside "索马里" (Somalia).
     */
    private void addLocalNames(Set<String> codes) {
        Locale locale = Locale.forLanguageTag(language);
        Set<String> listed = new HashSet<>();
        Taxonomy.nonNull(taxonomy.countries()).values().forEach(n -> listed.addAll(Taxonomy.nonNull(n.names())));
        for (String code : codes) {
            String name = new Locale("", code).getDisplayCountry(locale);
            int shortest = Tokens.isCjk(name.charAt(0)) ? MIN_CJK_LOCAL_NAME : MIN_LOCAL_NAME;
            if (name.length() >= shortest && !name.equals(code) && !listed.contains(name)) {
                entities.add(name, new Entity(Kind.COUNTRY, code, null, false, "cldr:" + language + ":name:" + code));
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
            entities.add(r[1], new Entity(Kind.COUNTRY, code, null, false, "countries.tsv:name:" + code));
            for (String alias : Resources.cell(r[2])) {
                entities.add(alias, new Entity(Kind.COUNTRY, code, null, false, "countries.tsv:alias:" + code));
            }
            for (String demonym : Resources.cell(r[3])) {
                entities.add(demonym, new Entity(Kind.DEMONYM, code, null, false, "countries.tsv:demonym:" + code));
            }
            for (String capital : Resources.cell(r[4])) {
                entities.add(capital, new Entity(Kind.CAPITAL, code, null, false, "countries.tsv:capital:" + code));
            }
            for (String agency : Resources.cell(r[5])) {
                // An agency name several states use ("NIS", "Intelligence Bureau") cannot attribute anything alone.
                if (agencyCountries.get(agency).size() == 1) {
                    entities.add(agency, new Entity(Kind.AGENCY, code, null, false, "countries.tsv:agency:" + code));
                }
            }
        }
        String file = "lang/" + language + ":";
        Taxonomy.nonNull(taxonomy.countries()).forEach((code, names) -> {
            if (!byCode.containsKey(code)) {
                LOG.warn("Taxonomy names country {}, which countries.tsv lacks; its names are ignored", code);
                return;
            }
            Taxonomy.nonNull(names.names()).forEach(n ->
                    entities.add(n, new Entity(Kind.COUNTRY, code, null, false, file + "name:" + code)));
            Taxonomy.nonNull(names.demonyms()).forEach(n ->
                    entities.add(n, new Entity(Kind.DEMONYM, code, null, false, file + "demonym:" + code)));
            Taxonomy.nonNull(names.capitals()).forEach(n ->
                    entities.add(n, new Entity(Kind.CAPITAL, code, null, false, file + "capital:" + code)));
            Taxonomy.nonNull(names.agencies()).forEach(n ->
                    entities.add(n, new Entity(Kind.AGENCY, code, null, false, file + "agency:" + code)));
            Taxonomy.nonNull(names.institutions()).forEach(n ->
                    entities.add(n, new Entity(Kind.INSTITUTION, code, null, false, file + "institution:" + code)));
        });
        if (!language.equals("en")) {
            addLocalNames(byCode.keySet());
        }
        return Map.copyOf(byCode);
    }

    private Map<String, String> loadActors(Taxonomy taxonomy) {
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

    @Override
    public String toString() {
        return VERSION + " " + language + " (" + actorCountries.size() + " attributed actors, " + countries.size() + " countries)";
    }
}
