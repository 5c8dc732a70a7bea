package io.spyglass.sink;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Evidence;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups espionage articles that report the same event into stories. Pure: the caller keeps the open stories.
 * Two articles report the same event when they were published within the window of each other and either their
 * texts are near-duplicates (syndicated or lightly edited copies: SimHash of token 3-shingles), their titles share
 * most terms and they do not blame different states or name different victims, they name the same actor or the
 * same attributed state and victim and their titles share some terms, or, in any two languages, they agree on
 * enough of what every language writes alike ({@link #commonGround}). Titles and texts in Chinese, Japanese and
 * Korean are compared by character bigrams, as they have no spaces between words.
 */
public final class StoryClusterer {
    /** Stories stay open to new sources for this long around their sources' publication times. */
    public static final Duration WINDOW = Duration.ofDays(3);
    private static final long WINDOW_SECONDS = WINDOW.toSeconds();
    /**
     * The most an open story (the story as written to {@code spyglass.espionage}, with its sources' fingerprints, as
     * kept in the state store) may take as JSON: well under Kafka's 1 MB default record limit whatever the sources'
     * language or number. Past it, a source's text is left out, then its evidence, then the source itself, which
     * the story then counts in {@link Story#omittedSources()}.
     */
    public static final int MAX_STORY_BYTES = 768 * 1024;
    /** UTF-8 bytes of text kept in a story across its sources; beyond it a source's text is null. */
    public static final int TEXT_BUDGET_BYTES = 128 * 1024;
    /** A source's title is cut to this many characters in the story (titles come from feeds and are unbounded). */
    public static final int MAX_TITLE_CHARS = 300;
    /** Evidence kept per source in a story; the article on {@code spyglass.enriched} has all of it. */
    public static final int MAX_EVIDENCE = 64;
    static final int NEAR_DUPLICATE_BITS = 6;
    static final int MIN_SHINGLES = 10;
    static final double SAME_TITLE = 0.5;
    static final double RELATED_TITLE = 0.2;
    /** Points of {@link #commonGround} that make two reports one event without any title or text in common. */
    static final int COMMON_GROUND = 2;
    /** Open stories that share a keyword or attributed-victim pair before it stops counting ({@link #ubiquitous}). */
    static final int UBIQUITOUS_STORIES = 6;
    /** Latin-script names kept per fingerprint, from the title and the start of the text. */
    static final int MAX_NAMES = 16;
    /** Characters of a word a keyword keeps (a CJK bigram is kept whole). */
    static final int KEYWORD_PREFIX = 5;
    /** Keywords kept per fingerprint. */
    static final int MAX_KEYWORDS = 20;
    /** Keywords two reports in one language share for a point of {@link #commonGround}; twice as many, two. */
    static final int COMMON_KEYWORDS = 3;
    /** Title terms kept per fingerprint: a headline has far fewer; a feed's title can be a page of text. */
    static final int MAX_TITLE_TERMS = 48;
    private static final int NAME_SCAN_CHARS = 3000;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "into", "that", "this",
            "was", "were", "are", "has", "have", "had", "its", "their", "over", "after", "says", "say", "said", "new",
            "how", "why", "what", "who", "not", "but", "than", "about", "amid");
    /** Capitalised at the start of a sentence rather than names. */
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "those", "there", "they", "their",
            "and", "but", "for", "with", "from", "after", "before", "while", "when", "where", "which", "what", "who", "how",
            "its", "his", "her", "our", "according", "in", "on", "at", "by", "as", "an", "it", "we", "he", "she", "not",
            "also", "however", "since", "some", "many", "one", "two", "three", "last", "new", "now", "other", "all",
            "der", "die", "das", "und", "ein", "eine", "les", "des", "une", "pour", "dans", "avec", "selon");
    private static final Pattern NAME = Pattern.compile("\\b\\p{IsLatin}[\\p{IsLatin}\\p{N}\\-]{2,}");

    private StoryClusterer() {
    }

    /**
     * Where an article goes, decided on fingerprints alone so the caller need not read whole stories.
     *
     * @param fingerprint the article's
     * @param storyId     the open story it joins, or null for a new story
     * @param duplicate   true when an open story already has it, at this revision or a later one, as a source:
     *                    nothing to do; a later revision goes to the story that has the article
     * @param absorbed    further open stories the article shows to be the same event as {@code storyId}'s, to be
     *                    merged into it; {@code storyId} is the one of them first seen, so the id readers saw first
     *                    survives
     */
    public record Decision(Fingerprint fingerprint, String storyId, boolean duplicate, List<String> absorbed) {
        public Decision {
            absorbed = List.copyOf(absorbed);
        }
    }

    /**
     * What placing an article changes.
     *
     * @param open       the open stories to store and write, new versions, in order; empty when nothing changed
     * @param mergedAway the last versions of stories merged into another, to write and drop from the open ones
     */
    public record Placement(List<OpenStory> open, List<Story> mergedAway) {
        static final Placement NOTHING = new Placement(List.of(), List.of());
    }

    /**
     * Decides where {@code article} goes among the open stories: the story it matches best, a new one, or nowhere
     * when a story already has it; and which other stories it matches firmly enough to merge.
     */
    public static Decision decide(StoryIndex open, EnrichedArticle article) {
        Fingerprint f = fingerprint(article);
        StoryIndex.Source same = open.source(f.articleId());
        if (same != null) {
            return new Decision(f, same.storyId(), f.revision() <= same.fingerprint().revision(), List.of());
        }
        String best = null;
        double bestScore = 0;
        Set<String> firm = new TreeSet<>();
        Map<String, Set<String>> storyActors = new HashMap<>();
        Collection<StoryIndex.Source> candidates = open.candidates(f);
        Set<String> ubiquitous = ubiquitous(f, candidates);
        for (StoryIndex.Source candidate : candidates) {
            double score = similarity(f, candidate.fingerprint(), ubiquitous);
            // a story about other actors is another event, though one of its sources, naming none, matches this one:
            // else reports that name no actor would chain the stories of every group of one state together
            if (score == 0 || disjoint(f.actors(), storyActors.computeIfAbsent(candidate.storyId(), id -> actors(open, id)))) {
                continue;
            }
            // ties go to the smaller story id, so the choice does not depend on the order the index was filled in
            if (score > bestScore || (score == bestScore && candidate.storyId().compareTo(best) < 0)) {
                best = candidate.storyId();
                bestScore = score;
            }
            if (firm(f, candidate.fingerprint(), ubiquitous)) {
                firm.add(candidate.storyId());
            }
        }
        if (best == null) {
            return new Decision(f, null, false, List.of());
        }
        firm.add(best);
        // only stories that do not name different actors merge
        Set<String> bestActors = storyActors.get(best);
        firm.removeIf(id -> disjoint(bestActors, storyActors.get(id)));
        if (firm.size() == 1) {
            return new Decision(f, best, false, List.of());
        }
        // the stories merge into the one first seen
        String survivor = firm.stream().min(Comparator.comparing(open::firstSeen).thenComparing(id -> id)).orElseThrow();
        firm.remove(survivor);
        return new Decision(f, survivor, false, List.copyOf(firm));
    }

    /** Every actor the open story's sources name. */
    private static Set<String> actors(StoryIndex open, String storyId) {
        Set<String> out = new HashSet<>();
        open.sources(storyId).forEach(f -> out.addAll(f.actors()));
        return out;
    }

    /**
     * What the decision changes, reading the open stories it names with {@code read}; {@code lastVersion} gives, for
     * a story id never open or expired, the last version written of it (0 if none). {@code now} is the record time.
     */
    public static Placement place(Decision d, EnrichedArticle a, Instant now, Function<String, OpenStory> read,
                                  ToIntFunction<String> lastVersion) {
        if (d.duplicate()) {
            return Placement.NOTHING;
        }
        if (d.storyId() == null) {
            return new Placement(List.of(start(a, d.fingerprint(), now, lastVersion.applyAsInt(storyId(a.id())))), List.of());
        }
        OpenStory survivor = read.apply(d.storyId());
        if (survivor == null) {
            throw new IllegalStateException("story " + d.storyId() + " is in the index but not among the open stories");
        }
        List<Story> mergedAway = new ArrayList<>();
        for (String id : d.absorbed()) {
            OpenStory other = read.apply(id);
            if (other != null) {
                survivor = absorb(survivor, other, now);
                Story s = other.story();
                mergedAway.add(new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(), s.firstSeen(),
                        s.lastSeen(), s.tags(), s.sources(), s.omittedSources(), survivor.story().storyId()));
            }
        }
        OpenStory next = add(survivor, a, d.fingerprint(), now);
        if (next == survivor && mergedAway.isEmpty()) {
            return Placement.NOTHING;
        }
        return new Placement(List.of(next), mergedAway);
    }

    /**
     * How alike two articles are as reports of one event, in (0, 3]; 0 when they are not the same event.
     */
    static double similarity(Fingerprint a, Fingerprint b) {
        return similarity(a, b, Set.of());
    }

    /**
     * Of {@code f}'s keywords and attributed-victim pairs, those that {@link #UBIQUITOUS_STORIES} or more open stories
     * among the candidates share: the words of the beat in a busy week ("microsoft", "hackers", China and the
     * United States), which say nothing of which event a report is about. Counted in stories, not sources, so the
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
        double title = jaccard(a.titleTerms(), b.titleTerms());
        boolean texts = a.shingles() >= MIN_SHINGLES && b.shingles() >= MIN_SHINGLES;
        int distance = Long.bitCount(a.simhash() ^ b.simhash());
        double text = texts ? 1 - distance / 64.0 : 0;
        boolean conflicting = conflicting(a, b);
        int ground = conflicting ? 0 : commonGround(a, b, ubiquitous);
        boolean sameEvent = (texts && distance <= NEAR_DUPLICATE_BITS)
                || (title >= SAME_TITLE && !conflicting)
                || (sharesEntities(a, b) && title >= RELATED_TITLE)
                || ground >= COMMON_GROUND;
        return sameEvent ? title + text + ground / 4.0 : 0;
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
     * CVE; the same attributed state and the same victim; and, between two languages, two or more Latin-script
     * names in common (four or more count twice).
     */
    static int commonGround(Fingerprint a, Fingerprint b, Set<String> ubiquitous) {
        int points = 0;
        points += intersects(a.actors(), b.actors()) ? 1 : 0;
        points += intersects(a.entities(), b.entities()) ? 1 : 0;
        Set<String> pairs = pairs(b);
        points += pairs(a).stream().anyMatch(p -> pairs.contains(p) && !ubiquitous.contains(p)) ? 1 : 0;
        if (!a.language().equals(b.language())) {
            int names = common(a.names(), b.names());
            points += names >= 4 ? 2 : names >= 2 ? 1 : 0;
        } else {
            int keywords = 0;
            for (String k : a.keywords()) {
                keywords += b.keywords().contains(k) && !ubiquitous.contains(k) ? 1 : 0;
            }
            points += keywords >= 2 * COMMON_KEYWORDS ? 2 : keywords >= COMMON_KEYWORDS ? 1 : 0;
        }
        return points;
    }

    /**
     * {@code a} after {@code b + WINDOW}, or {@code b} after {@code a + WINDOW}; in arithmetic, as this runs for every
     * candidate source and {@code Instant.plus} allocates.
     */
    static boolean apartMoreThanWindow(Instant a, Instant b) {
        long seconds = Math.abs(a.getEpochSecond() - b.getEpochSecond());
        int laterNanos = a.getEpochSecond() >= b.getEpochSecond() ? a.getNano() - b.getNano() : b.getNano() - a.getNano();
        return seconds > WINDOW_SECONDS || (seconds == WINDOW_SECONDS && laterNanos > 0);
    }

    private static boolean sharesEntities(Fingerprint a, Fingerprint b) {
        return intersects(a.actors(), b.actors())
                || (intersects(a.attributed(), b.attributed()) && intersects(a.victims(), b.victims()));
    }

    /**
     * Reports that blame different states, name different victims or name different actors are different events,
     * however alike their formulaic headlines ("Espionage: hackers inside X's ministry") or the words of their beat
     * (Microsoft, Chinese hackers, the United States).
     */
    private static boolean conflicting(Fingerprint a, Fingerprint b) {
        return disjoint(a.attributed(), b.attributed()) || disjoint(a.victims(), b.victims()) || disjoint(a.actors(), b.actors());
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && !intersects(a, b);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
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

    /** The fingerprint of an article. */
    static Fingerprint fingerprint(EnrichedArticle a) {
        // the words as ranges of the prepared text's UTF-8 bytes: no string per word
        byte[] text = prepare(a.text() == null ? "" : a.text()).getBytes(StandardCharsets.UTF_8);
        int[] bounds = wordBounds(text);
        int words = bounds.length / 2;
        // per bit of the hash, how many shingle hashes have it set: 64 counters kept bit-sliced (slice k holds bit k of
        // every counter), so adding a hash is a ripple carry of about two steps instead of 64 additions
        long[] slices = new long[32];
        int shingles = 0;
        for (int i = 0; i + 3 <= words; i++) {
            long carry = shingleHash(text, bounds, i);
            for (int k = 0; carry != 0; k++) {
                long next = slices[k] & carry;
                slices[k] ^= carry;
                carry = next;
            }
            shingles++;
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            long ones = 0;
            for (int k = 0; k < slices.length; k++) {
                ones |= ((slices[k] >>> bit) & 1L) << k;
            }
            if (2 * ones > shingles) { // set in more hashes than not
                simhash |= 1L << bit;
            }
        }
        String title = title(a);
        Set<String> titleTerms = new LinkedHashSet<>();
        for (String w : words(title)) {
            if (titleTerms.size() == MAX_TITLE_TERMS) {
                break;
            }
            if (isCjk(w.codePointAt(0)) || (w.length() >= 3 && !STOP_WORDS.contains(w))) {
                titleTerms.add(w);
            }
        }
        Tags t = a.tags();
        Set<String> entities = new HashSet<>();
        t.malware().forEach(m -> entities.add(m.toLowerCase(Locale.ROOT)));
        t.cves().forEach(c -> entities.add(c.toLowerCase(Locale.ROOT)));
        return new Fingerprint(a.id(), time(a), simhash, shingles, titleTerms,
                collect(t.actors(), Actor::name), collect(t.attributed(), Country::code), collect(t.victims(), Country::code),
                a.revision(), a.language(), entities, names(title, a.text()), keywords(title, a.text()));
    }

    /**
     * The {@link #MAX_KEYWORDS} most frequent terms of a title and the start of a text: words of four or more
     * characters (which leaves out most function words of the languages with spaces), cut to their first
     * {@link #KEYWORD_PREFIX}, and CJK bigrams; ties go to the term found first.
     */
    static Set<String> keywords(String title, String text) {
        String scanned = title + "\n" + (text == null ? "" : text.substring(0, Math.min(text.length(), NAME_SCAN_CHARS)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String w : words(scanned)) {
            if (isCjk(w.codePointAt(0)) ? w.codePointCount(0, w.length()) == 2 : w.length() >= 4 && !STOP_WORDS.contains(w)) {
                counts.merge(isCjk(w.codePointAt(0)) ? w : prefix(w), 1, Integer::sum);
            }
        }
        List<String> terms = new ArrayList<>(counts.keySet());
        // stable: among equal counts, the order found
        terms.sort(Comparator.comparing(counts::get).reversed());
        return new LinkedHashSet<>(terms.subList(0, Math.min(MAX_KEYWORDS, terms.size())));
    }

    /**
     * The first {@link #KEYWORD_PREFIX} characters of a word: a stem for any language with inflections (Angriff,
     * Angriffe, Angriffs; хакеры, хакеров; hacker, hackers) that needs no word list.
     */
    private static String prefix(String word) {
        int n = word.codePointCount(0, word.length());
        return n <= KEYWORD_PREFIX ? word : word.substring(0, word.offsetByCodePoints(0, KEYWORD_PREFIX));
    }

    /**
     * The Latin-script names of a title and the start of a text, lower case: capitalised words, acronyms and words
     * with digits, less words capitalised for starting a sentence; at most {@link #MAX_NAMES}, first found first.
     */
    static Set<String> names(String title, String text) {
        String scanned = title + "\n" + (text == null ? "" : text.substring(0, Math.min(text.length(), NAME_SCAN_CHARS)));
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NAME.matcher(scanned);
        while (m.find() && out.size() < MAX_NAMES) {
            String w = m.group();
            boolean capital = Character.isUpperCase(w.codePointAt(0));
            boolean digits = w.chars().anyMatch(Character::isDigit);
            String lower = w.toLowerCase(Locale.ROOT);
            if ((capital || digits) && !NOT_NAMES.contains(lower) && !lower.chars().allMatch(c -> Character.isDigit(c) || c == '-')) {
                out.add(lower);
            }
        }
        return out;
    }

    private static <T> Set<String> collect(List<T> items, Function<T, String> key) {
        Set<String> out = new HashSet<>();
        items.forEach(i -> out.add(key.apply(i)));
        return out;
    }

    static List<String> words(String text) {
        // the same scan as the fingerprint's, so titles and texts split alike
        byte[] utf8 = prepare(text).getBytes(StandardCharsets.UTF_8);
        int[] bounds = wordBounds(utf8);
        List<String> out = new ArrayList<>(bounds.length / 2);
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(new String(utf8, bounds[i], bounds[i + 1] - bounds[i], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a decimal, letter or other number. */
    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Lower case, and "Japan's" the same word as "Japan" for comparing reports. */
    private static String prepare(String text) {
        return text.toLowerCase(Locale.ROOT).replace("'s", "").replace("\u2019s", "");
    }

    /**
     * A character of a script written without spaces between words, whose text is compared by character bigrams:
     * Han, kana and Hangul (Korean puts spaces between phrases, but a phrase carries its particles).
     */
    static boolean isCjk(int cp) {
        return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff)
                || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xff9f) || (cp >= 0x20000 && cp <= 0x3134f);
    }

    /**
     * Start and end offsets, in pairs, of the tokens of UTF-8 {@code text}, the ones {@link #words} finds, as byte
     * ranges: runs of letters and numbers, where a run in a CJK script ({@link #isCjk}) gives its overlapping
     * character bigrams instead (a lone CJK character, itself).
     */
    static int[] wordBounds(byte[] text) {
        int[] bounds = new int[64];
        int n = 0;
        int start = -1; // of the current run of non-CJK word characters
        int cjkPrevious = -1; // start of the previous character of the current CJK run
        int cjkStart = -1;
        int cjkCount = 0;
        for (int i = 0; i <= text.length; ) {
            int cp;
            int length;
            if (i == text.length) {
                cp = ' '; // one separator past the end closes the last run
                length = 1;
            } else {
                int b = text[i] & 0xff;
                if (b < 0x80) {
                    cp = b;
                    length = 1;
                } else if (b >= 0xf0 && i + 3 < text.length) {
                    cp = ((b & 0x07) << 18) | ((text[i + 1] & 0x3f) << 12) | ((text[i + 2] & 0x3f) << 6) | (text[i + 3] & 0x3f);
                    length = 4;
                } else if (b >= 0xe0 && i + 2 < text.length) {
                    cp = ((b & 0x0f) << 12) | ((text[i + 1] & 0x3f) << 6) | (text[i + 2] & 0x3f);
                    length = 3;
                } else if (b >= 0xc0 && i + 1 < text.length) {
                    cp = ((b & 0x1f) << 6) | (text[i + 1] & 0x3f);
                    length = 2;
                } else {
                    cp = '?'; // getBytes writes whole sequences; a cut one would count as a separator
                    length = 1;
                }
            }
            int end = Math.min(i, text.length);
            boolean word = i < text.length && isWordChar(cp);
            boolean cjk = word && isCjk(cp);
            if (start >= 0 && (!word || cjk)) {
                if (n + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[n++] = start;
                bounds[n++] = end;
                start = -1;
            }
            if (cjkStart >= 0 && !cjk) {
                if (cjkCount == 1) {
                    if (n + 2 > bounds.length) {
                        bounds = Arrays.copyOf(bounds, bounds.length * 2);
                    }
                    bounds[n++] = cjkStart;
                    bounds[n++] = end;
                }
                cjkStart = -1;
                cjkPrevious = -1;
                cjkCount = 0;
            }
            if (cjk) {
                if (cjkStart < 0) {
                    cjkStart = i;
                }
                if (cjkPrevious >= 0) {
                    if (n + 2 > bounds.length) {
                        bounds = Arrays.copyOf(bounds, bounds.length * 2);
                    }
                    bounds[n++] = cjkPrevious;
                    bounds[n++] = i + length;
                }
                cjkPrevious = i;
                cjkCount++;
            } else if (word && start < 0) {
                start = i;
            }
            i += length;
        }
        return Arrays.copyOf(bounds, n);
    }

    /**
     * 64-bit FNV-1a of words {@code i}, {@code i + 1} and {@code i + 2} joined by spaces, in UTF-8 (stable across
     * JVMs, unlike String.hashCode's 32 bits which SimHash needs 64 of).
     */
    private static long shingleHash(byte[] text, int[] bounds, int i) {
        long h = 0xcbf29ce484222325L;
        for (int w = i; w < i + 3; w++) {
            if (w > i) {
                h = (h ^ ' ') * FNV_PRIME;
            }
            for (int k = bounds[2 * w]; k < bounds[2 * w + 1]; k++) {
                h = (h ^ (text[k] & 0xff)) * FNV_PRIME;
            }
        }
        return h;
    }

    private static Instant time(EnrichedArticle a) {
        return a.published() != null ? a.published() : a.fetched();
    }

    /**
     * A new story from its first article, with version {@code lastVersion} + 1: 1 for an id never emitted; more for a
     * story that left the open stories and starts again under the same id (its first article came again, as a retag
     * sends it), so that an id's version never goes back. {@code now} is the record time.
     */
    public static OpenStory start(EnrichedArticle a, Fingerprint f, Instant now, int lastVersion) {
        Instant t = f.time();
        StorySource first = fit(source(a), FINGERPRINT_BYTES + jsonBytes(f), 0);
        Story story = new Story(Story.SCHEMA_VERSION, storyId(a.id()), lastVersion + 1, title(a), a.url(), t, t,
                merge(List.of(a.tags())), List.of(first), 0, null);
        return new OpenStory(story, List.of(f), now);
    }

    /**
     * The next version of {@code open} with {@code a} as a further source, or in place of its earlier revision. A
     * further source that would take the story past {@link #MAX_STORY_BYTES} goes in without its text, or without
     * its evidence too, or is only counted. The tags of an earlier revision stay in the story's merged tags: a
     * story's tags only grow.
     */
    public static OpenStory add(OpenStory open, EnrichedArticle a, Fingerprint f, Instant now) {
        Story s = open.story();
        List<StorySource> sources = new ArrayList<>(s.sources());
        List<Fingerprint> fingerprints = new ArrayList<>(open.fingerprints());
        int earlier = fingerprints.stream().map(Fingerprint::articleId).toList().indexOf(f.articleId());
        int omitted = s.omittedSources();
        if (earlier >= 0) {
            // a revision keeps its place: the story's title and URL still come from its first source
            sources.remove(earlier);
            fingerprints.remove(earlier);
        }
        StorySource added = fit(source(a), bytes(sources, fingerprints) + jsonBytes(f), textBytes(sources));
        if (added == null && earlier < 0) {
            omitted++;
        } else if (added == null) {
            // the revision no longer fits: its earlier version, which did, stays
            return open;
        } else if (earlier < 0) {
            sources.add(added);
            fingerprints.add(f);
        } else {
            sources.add(earlier, added);
            fingerprints.add(earlier, f);
        }
        List<Tags> tags = new ArrayList<>();
        tags.add(s.tags());
        tags.add(a.tags());
        Instant t = f.time();
        Story next = new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(),
                t.isBefore(s.firstSeen()) ? t : s.firstSeen(), t.isAfter(s.lastSeen()) ? t : s.lastSeen(), merge(tags), sources,
                omitted, null);
        return new OpenStory(next, fingerprints, now);
    }

    /**
     * The next version of {@code survivor} with the sources of {@code other}, a story found to report the same event,
     * after its own, within the same limits as {@link #add}.
     */
    static OpenStory absorb(OpenStory survivor, OpenStory other, Instant now) {
        Story s = survivor.story();
        Story o = other.story();
        List<StorySource> sources = new ArrayList<>(s.sources());
        List<Fingerprint> fingerprints = new ArrayList<>(survivor.fingerprints());
        int omitted = s.omittedSources() + o.omittedSources();
        for (int i = 0; i < o.sources().size(); i++) {
            Fingerprint f = other.fingerprints().get(i);
            StorySource added = fit(o.sources().get(i), bytes(sources, fingerprints) + jsonBytes(f), textBytes(sources));
            if (added == null) {
                omitted++;
            } else {
                sources.add(added);
                fingerprints.add(f);
            }
        }
        Story next = new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(),
                o.firstSeen().isBefore(s.firstSeen()) ? o.firstSeen() : s.firstSeen(),
                o.lastSeen().isAfter(s.lastSeen()) ? o.lastSeen() : s.lastSeen(), merge(List.of(s.tags(), o.tags())), sources,
                omitted, null);
        return new OpenStory(next, fingerprints, now);
    }

    /** JSON bytes of a story and its fingerprints besides its sources' ({@link #bytes}), with room to spare. */
    private static final int STORY_OVERHEAD_BYTES = 16 * 1024;
    /** JSON bytes of a fingerprint besides its strings. */
    private static final int FINGERPRINT_BYTES = 240;
    /** JSON bytes of a source besides its strings and evidence. */
    private static final int SOURCE_BYTES = 200;
    private static final int EVIDENCE_BYTES = 80;

    /**
     * {@code source} as it fits in a story whose other sources and fingerprints (with the new source's) take
     * {@code used} bytes of JSON and {@code textUsed} bytes of text: whole; or without its text and its evidence
     * (whose offsets point into the text); or null when not even that fits.
     */
    private static StorySource fit(StorySource source, long used, long textUsed) {
        long room = MAX_STORY_BYTES - STORY_OVERHEAD_BYTES - used;
        if ((source.text() == null || textUsed + jsonBytes(source.text()) <= TEXT_BUDGET_BYTES) && jsonBytes(source) <= room) {
            return source;
        }
        StorySource bare = withText(source, null, List.of());
        return jsonBytes(bare) <= room ? bare : null;
    }

    private static StorySource withText(StorySource s, String text, List<Evidence> evidence) {
        return new StorySource(s.articleId(), s.url(), s.title(), s.outlet(), s.feed(), s.published(), s.fetched(),
                s.language(), text, evidence);
    }

    /** JSON bytes of the sources and fingerprints, as {@link #jsonBytes} counts them. */
    private static long bytes(List<StorySource> sources, List<Fingerprint> fingerprints) {
        long n = 0;
        for (StorySource s : sources) {
            n += jsonBytes(s);
        }
        for (Fingerprint f : fingerprints) {
            n += jsonBytes(f);
        }
        return n;
    }

    private static long textBytes(List<StorySource> sources) {
        long n = 0;
        for (StorySource s : sources) {
            n += s.text() == null ? 0 : jsonBytes(s.text());
        }
        return n;
    }

    /** At least the JSON bytes of a source: its strings as {@link #jsonBytes(String)} counts them, and the rest. */
    static long jsonBytes(StorySource s) {
        long n = SOURCE_BYTES + jsonBytes(s.articleId()) + jsonBytes(s.url()) + jsonBytes(s.title()) + jsonBytes(s.outlet())
                + jsonBytes(s.feed().url()) + jsonBytes(s.feed().name()) + jsonBytes(s.language()) + jsonBytes(s.text());
        for (Evidence e : s.evidence()) {
            n += EVIDENCE_BYTES + jsonBytes(e.tag()) + jsonBytes(e.value()) + jsonBytes(e.text()) + jsonBytes(e.rule());
        }
        return n;
    }

    static long jsonBytes(Fingerprint f) {
        long n = FINGERPRINT_BYTES + jsonBytes(f.articleId()) + jsonBytes(f.language());
        for (Set<String> set : List.of(f.titleTerms(), f.actors(), f.attributed(), f.victims(), f.entities(), f.names(),
                f.keywords())) {
            for (String x : set) {
                n += 1 + jsonBytes(x);
            }
        }
        return n;
    }

    /**
     * At least the bytes of {@code s} as a JSON string: UTF-8, with room for escaping (a control character takes six
     * bytes as {@code \\u00XX}).
     */
    static long jsonBytes(String s) {
        if (s == null) {
            return 4;
        }
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                n += 6;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static StorySource source(EnrichedArticle a) {
        String outlet = a.feed().name() != null && !a.feed().name().isBlank() ? a.feed().name() : host(a.url());
        List<Evidence> evidence = a.tags().evidence();
        return new StorySource(a.id(), a.url(), title(a), outlet, a.feed(), a.published(), a.fetched(), a.language(),
                a.text(), evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE) : evidence);
    }

    /** The article's title, cut to {@link #MAX_TITLE_CHARS} at a character boundary. */
    private static String title(EnrichedArticle a) {
        String t = a.title() == null ? "" : a.title();
        if (t.length() <= MAX_TITLE_CHARS) {
            return t;
        }
        int cut = Character.isHighSurrogate(t.charAt(MAX_TITLE_CHARS - 1)) ? MAX_TITLE_CHARS - 1 : MAX_TITLE_CHARS;
        return t.substring(0, cut) + "\u2026";
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The union of the tags, in first-seen order; the highest score; the tagger of the latest; no evidence. */
    static Tags merge(List<Tags> all) {
        double score = 0;
        Map<String, Country> attributed = new LinkedHashMap<>();
        Map<String, Country> victims = new LinkedHashMap<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        Set<String> sectors = new LinkedHashSet<>();
        Set<String> malware = new LinkedHashSet<>();
        Set<String> cves = new LinkedHashSet<>();
        Set<String> techniques = new LinkedHashSet<>();
        for (Tags t : all) {
            score = Math.max(score, t.score());
            t.attributed().forEach(c -> attributed.putIfAbsent(c.code(), c));
            t.victims().forEach(c -> victims.putIfAbsent(c.code(), c));
            t.actors().forEach(x -> actors.putIfAbsent(x.name(), x));
            sectors.addAll(t.sectors());
            malware.addAll(t.malware());
            cves.addAll(t.cves());
            techniques.addAll(t.techniques());
        }
        return new Tags(true, score, List.copyOf(attributed.values()), List.copyOf(victims.values()),
                List.copyOf(actors.values()), List.copyOf(sectors), List.copyOf(malware), List.copyOf(cves),
                List.copyOf(techniques), List.of(), all.get(all.size() - 1).tagger());
    }

    /** SHA-256 (hex) of "story:" and the first article's id: stable, and never mistaken for an article id. */
    static String storyId(String firstArticleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("story:" + firstArticleId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
