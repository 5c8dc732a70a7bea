package io.spyglass.sink;

import java.time.Duration;
import java.util.Arrays;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike two reports are as reports of one event, on their fingerprints: near-duplicate texts (SimHash), title
 * terms in common, and the common ground ({@link #commonGround}) that every language writes alike. Pure.
 */
final class Similarity {
    static final int NEAR_DUPLICATE_BITS = 6;
    static final int MIN_SHINGLES = 10;
    static final double SAME_TITLE = 0.5;
    static final double RELATED_TITLE = 0.2;
    /** Points of {@link #commonGround} that make two reports one event without any title or text in common. */
    static final int COMMON_GROUND = 2;
    /** Open stories that share a keyword or attributed-victim pair before it stops counting ({@link #ubiquitous}). */
    static final int UBIQUITOUS_STORIES = 6;
    /** Keywords and names two reports in one language share for a point of {@link #commonGround}; twice as many, two. */
    static final int COMMON_KEYWORDS = 3;
    /** Marks a name among the {@link #ubiquitous} keys, which are keywords and attributed-victim pairs besides. */
    private static final String NAME = "name:";
    /** Marks a sound among the {@link #ubiquitous} keys: of f's names in another script, as other reports' names. */
    private static final String SOUND = "sound:";
    /**
     * Reports within this of each other are one event on any of the rules of {@link #similarity}; reports further
     * apart, up to {@link StoryClusterer#WINDOW}, only on near-duplicate texts or more common ground than a match needs
     * ({@link #commonGround} above {@link #COMMON_GROUND}): the news of an event can run for a week (a breach, then the
     * advisories and the sanctions), but a week of one beat's headlines and words says nothing.
     */
    static final Duration NEAR_WINDOW = Duration.ofDays(3);
    private static final long NEAR_WINDOW_SECONDS = NEAR_WINDOW.toSeconds();
    private static final long WINDOW_SECONDS = StoryClusterer.WINDOW.toSeconds();

    private Similarity() {
    }

    /**
     * How alike two articles are as reports of one event, in (0, 3]; 0 when they are not the same event.
     */
    static double similarity(Fingerprint a, Fingerprint b) {
        return similarity(a, b, Set.of());
    }

    /**
     * Of {@code f}'s keywords, names ({@link #NAME} before them, met as names or as {@link Fingerprint#sounds}),
     * sounds ({@link #SOUND} before them, met as the sounds of names) and attributed-victim pairs, those that
     * {@link #UBIQUITOUS_STORIES} or more open stories among the candidates share: the words of the beat in a busy
     * week ("microsoft", "hackers", the NSA, China and the United States), which say nothing of which event a report
     * is about. Counted in stories, not sources, so the
     * many reports of one event do not make its own words common.
     */
    static Set<String> ubiquitous(Fingerprint f, Collection<StoryIndex.Source> candidates) {
        Map<String, Set<String>> stories = new HashMap<>();
        Set<String> fPairs = pairs(f);
        for (StoryIndex.Source s : candidates) {
            Fingerprint g = s.fingerprint();
            for (String k : f.keywords()) {
                if (g.keywords().contains(k)) {
                    stories.computeIfAbsent(k, x -> new HashSet<>()).add(s.storyId());
                }
            }
            for (String n : f.names()) {
                if (g.names().contains(n) || (!g.sounds().isEmpty() && g.sounds().contains(Sounds.key(n)))) {
                    stories.computeIfAbsent(NAME + n, x -> new HashSet<>()).add(s.storyId());
                }
            }
            if (!f.sounds().isEmpty()) {
                for (String n : g.names()) {
                    String sound = Sounds.key(n);
                    if (f.sounds().contains(sound)) {
                        stories.computeIfAbsent(SOUND + sound, x -> new HashSet<>()).add(s.storyId());
                    }
                }
            }
            Set<String> gPairs = fPairs.isEmpty() ? Set.of() : pairs(g);
            for (String pair : fPairs) {
                if (gPairs.contains(pair)) {
                    stories.computeIfAbsent(pair, x -> new HashSet<>()).add(s.storyId());
                }
            }
        }
        Set<String> out = new HashSet<>();
        stories.forEach((key, in) -> {
            if (in.size() >= UBIQUITOUS_STORIES) {
                out.add(key);
            }
        });
        return out;
    }

    /** The attributed-victim pairs of a fingerprint, as "CN>US". */
    static Set<String> pairs(Fingerprint f) {
        Set<String> out = new HashSet<>();
        for (String a : f.attributed()) {
            f.victims().forEach(v -> out.add(a + ">" + v));
        }
        return out;
    }

    /** {@link #similarity(Fingerprint, Fingerprint)}, not counting the {@code ubiquitous} keywords and pairs. */
    static double similarity(Fingerprint a, Fingerprint b, Set<String> ubiquitous) {
        if (apartMoreThanWindow(a.time(), b.time())) {
            return 0;
        }
        boolean late = apartMoreThan(a.time(), b.time(), NEAR_WINDOW_SECONDS);
        double title = jaccard(a.titleTerms(), b.titleTerms());
        boolean texts = a.shingles() >= MIN_SHINGLES && b.shingles() >= MIN_SHINGLES;
        int distance = Long.bitCount(a.simhash() ^ b.simhash());
        double text = texts ? 1 - distance / 64.0 : 0;
        boolean conflicting = conflicting(a, b);
        int ground = conflicting ? 0 : commonGround(a, b, ubiquitous);
        boolean sameEvent = (texts && distance <= NEAR_DUPLICATE_BITS)
                || (late ? ground > COMMON_GROUND
                        : (title >= SAME_TITLE && !conflicting) || (sharesEntities(a, b) && title >= RELATED_TITLE)
                                || ground >= COMMON_GROUND);
        return sameEvent ? title + text + ground / 4.0 : 0;
    }

    /**
     * {@code f} with what {@code others} name added: their actors, malware and CVEs, names and sounds, and the keywords
     * of those in f's language; f's own time, text, title, states and language. What a story and a report joining it say
     * together, for {@link #firm} against a report that matched only the report.
     */
    static Fingerprint union(Fingerprint f, List<Fingerprint> others) {
        Set<String> actors = new HashSet<>(f.actors());
        Set<String> entities = new HashSet<>(f.entities());
        Set<String> names = new HashSet<>(f.names());
        Set<String> keywords = new HashSet<>(f.keywords());
        Set<String> sounds = new HashSet<>(f.sounds());
        for (Fingerprint g : others) {
            actors.addAll(g.actors());
            entities.addAll(g.entities());
            names.addAll(g.names());
            sounds.addAll(g.sounds());
            if (g.language().equals(f.language())) {
                keywords.addAll(g.keywords());
            }
        }
        return new Fingerprint(f.articleId(), f.time(), f.simhash(), f.shingles(), f.titleTerms(), actors, f.attributed(),
                f.victims(), f.revision(), f.language(), entities, names, keywords, sounds);
    }

    /**
     * What the sources of a story name together, as {@code f} compares with it: the source nearest to f in time, with
     * the actors, malware, CVEs and names of all, and the keywords of those in that source's language
     * ({@link #union}).
     */
    static Fingerprint story(Fingerprint f, List<Fingerprint> sources) {
        Fingerprint nearest = sources.get(0);
        for (Fingerprint s : sources) {
            if (Math.abs(s.time().getEpochSecond() - f.time().getEpochSecond())
                    < Math.abs(nearest.time().getEpochSecond() - f.time().getEpochSecond())) {
                nearest = s;
            }
        }
        return union(nearest, sources);
    }

    /**
     * True when two reports of one event (by {@link #similarity}) are so clearly one that a third report matching
     * both merges their stories: a near-duplicate text, most title terms in common, or more common ground than it
     * takes to match.
     */
    static boolean firm(Fingerprint a, Fingerprint b, Set<String> ubiquitous) {
        boolean texts = a.shingles() >= MIN_SHINGLES && b.shingles() >= MIN_SHINGLES;
        if (texts && Long.bitCount(a.simhash() ^ b.simhash()) <= NEAR_DUPLICATE_BITS) {
            return true;
        }
        boolean conflicting = conflicting(a, b);
        return !conflicting && (jaccard(a.titleTerms(), b.titleTerms()) >= SAME_TITLE
                || commonGround(a, b, ubiquitous) > COMMON_GROUND);
    }

    /**
     * What two reports agree on that every language writes alike, in points: the same actor; the same malware or
     * CVE; the same attributed state and the same victim; and words ({@link #wordsInCommon}). An actor, malware or CVE
     * the tagger found in one report counts when the other names it ({@link #namedIn}), as the tagger may miss it
     * there (a report in another language, a name without the context it looks for).
     */
    static int commonGround(Fingerprint a, Fingerprint b, Set<String> ubiquitous) {
        int points = 0;
        points += sameActor(a, b) ? 1 : 0;
        points += intersects(a.entities(), b.entities()) || namedIn(a.entities(), b.names()) || namedIn(b.entities(), a.names())
                ? 1 : 0;
        Set<String> pairs = pairs(b);
        points += pairs(a).stream().anyMatch(p -> pairs.contains(p) && !ubiquitous.contains(p)) ? 1 : 0;
        return points + wordsInCommon(a, b, ubiquitous);
    }

    /**
     * The points of {@link #commonGround} for words, names and keywords in common ({@link #alike}): between two
     * languages, two or more (four or more count twice); in one language, {@link #COMMON_KEYWORDS} (twice as many count
     * twice). Names count in one language too: the officials, agencies and outlets of one event's reports ("MSS",
     * "Raab", "NCSC") that a report's most frequent words leave out.
     */
    private static int wordsInCommon(Fingerprint a, Fingerprint b, Set<String> ubiquitous) {
        int alike = alike(a, b, ubiquitous).size();
        if (!a.language().equals(b.language())) {
            return alike >= 4 ? 2 : alike >= 2 ? 1 : 0;
        }
        return alike >= 2 * COMMON_KEYWORDS ? 2 : alike >= COMMON_KEYWORDS ? 1 : 0;
    }

    /**
     * The keywords and names two reports have in common, each counted once (a name as its keyword would be: "micro"
     * for Microsoft), less those {@link #ubiquitous} in the open stories.
     */
    private static Set<String> alike(Fingerprint a, Fingerprint b, Set<String> ubiquitous) {
        Set<String> alike = new HashSet<>();
        for (String k : a.keywords()) {
            if (b.keywords().contains(k) && !ubiquitous.contains(k)) {
                alike.add(k);
            }
        }
        for (String n : a.names()) {
            if (b.names().contains(n) && !ubiquitous.contains(NAME + n)) {
                alike.add(Fingerprints.prefix(n));
            }
        }
        heard(a, b, ubiquitous, alike);
        heard(b, a, ubiquitous, alike);
        return alike;
    }

    /**
     * Adds to {@code alike} the names of {@code latin} that {@code other} writes in another script, by their
     * {@link Sounds#key} among other's {@link Fingerprint#sounds}, as the name would count: "micro" for Microsoft and
     * マイクロソフト.
     */
    private static void heard(Fingerprint other, Fingerprint latin, Set<String> ubiquitous, Set<String> alike) {
        if (other.sounds().isEmpty()) {
            return;
        }
        for (String n : latin.names()) {
            String sound = Sounds.key(n);
            if (!other.names().contains(n) && !ubiquitous.contains(NAME + n) && !ubiquitous.contains(SOUND + sound)
                    && other.sounds().contains(sound)) {
                alike.add(Fingerprints.prefix(n));
            }
        }
    }

    /**
     * {@code a} after {@code b + WINDOW}, or {@code b} after {@code a + WINDOW}; in arithmetic, as this runs for every
     * candidate source and {@code Instant.plus} allocates.
     */
    static boolean apartMoreThanWindow(Instant a, Instant b) {
        return apartMoreThan(a, b, WINDOW_SECONDS);
    }

    private static boolean apartMoreThan(Instant a, Instant b, long window) {
        long seconds = Math.abs(a.getEpochSecond() - b.getEpochSecond());
        int laterNanos = a.getEpochSecond() >= b.getEpochSecond() ? a.getNano() - b.getNano() : b.getNano() - a.getNano();
        return seconds > window || (seconds == window && laterNanos > 0);
    }

    /**
     * True when one of {@code tagged} (actors as the tagger writes them, "Volt Typhoon", "APT28"; lower-case malware
     * names and CVE ids) is among {@code names} (lower case): as one name, or, for a name of several words, each of
     * its words.
     */
    static boolean namedIn(Set<String> tagged, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        for (String t : tagged) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (names.contains(lower)) {
                return true;
            }
            String[] words = lower.split(" ");
            if (words.length > 1 && Arrays.stream(words).allMatch(names::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the tagger found the same actor in both reports, or found one in one report that the other names: the
     * tagger may miss it there, or know it there by another canonical name (a language's alias list that files Salt
     * Typhoon under its own name, the English one under GhostEmperor).
     */
    static boolean sameActor(Fingerprint a, Fingerprint b) {
        return intersects(a.actors(), b.actors()) || namedIn(a.actors(), b.names()) || namedIn(b.actors(), a.names());
    }

    private static boolean sharesEntities(Fingerprint a, Fingerprint b) {
        return intersects(a.actors(), b.actors())
                || (intersects(a.attributed(), b.attributed()) && intersects(a.victims(), b.victims()));
    }

    /**
     * Reports that blame different states, name different victims or name different actors are different events,
     * however alike their formulaic headlines ("Espionage: hackers inside X's ministry") or the words of their beat
     * (Microsoft, Chinese hackers, the United States). Different victims do not make different events of reports that
     * the tagger finds the same actor in: one campaign hits many countries, and each report names those its readers
     * care for (an advisory on Salt Typhoon: the United States in one report, Japan, which signed it, in another).
     * Actors the tagger names differently are the same ({@link #sameActor}) when one report names the other's.
     */
    static boolean conflicting(Fingerprint a, Fingerprint b) {
        if (disjoint(a.attributed(), b.attributed())) {
            return true;
        }
        boolean sameActor = sameActor(a, b);
        return (disjoint(a.actors(), b.actors()) && !sameActor) || (disjoint(a.victims(), b.victims()) && !sameActor);
    }

    static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && !intersects(a, b);
    }

    static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static int common(Set<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            n += b.contains(x) ? 1 : 0;
        }
        return n;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = common(a, b);
        return (double) common / (a.size() + b.size() - common);
    }
}
