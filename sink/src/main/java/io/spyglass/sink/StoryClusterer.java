package io.spyglass.sink;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.EnrichedArticle;
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
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups espionage articles that report the same event into stories. Pure: the caller keeps the open stories.
 * Two articles report the same event when they were published within the window of each other and either their
 * texts are near-duplicates (syndicated or lightly edited copies: SimHash of word 3-shingles), their titles share
 * most words and they do not blame different states or name different victims, or they name the same actor or the
 * same attributed state and victim and their titles share some words.
 */
public final class StoryClusterer {
    /** Stories stay open to new sources for this long around their sources' publication times. */
    public static final Duration WINDOW = Duration.ofDays(3);
    private static final long WINDOW_SECONDS = WINDOW.toSeconds();
    /** Text kept in a story across its sources; beyond it a source's text is null (Kafka's default record limit is 1 MB). */
    public static final int TEXT_BUDGET = 256 * 1024;
    /**
     * Sources a story holds at most; later reports of the same event are left out, which keeps the story (with its
     * per-source metadata and evidence) well under Kafka's 1 MB record limit.
     */
    public static final int MAX_SOURCES = 200;
    static final int NEAR_DUPLICATE_BITS = 6;
    static final int MIN_SHINGLES = 10;
    static final double SAME_TITLE = 0.5;
    static final double RELATED_TITLE = 0.2;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "into", "that", "this",
            "was", "were", "are", "has", "have", "had", "its", "their", "over", "after", "says", "say", "said", "new",
            "how", "why", "what", "who", "not", "but", "than", "about", "amid");

    private StoryClusterer() {
    }

    /**
     * Where an article goes, decided on fingerprints alone so the caller need not read whole stories.
     *
     * @param fingerprint the article's
     * @param storyId     the open story it joins, or null for a new story
     * @param duplicate   true when an open story already has it, at this revision or a later one, as a source:
     *                    nothing to do; a later revision goes to the story that has the article
     */
    public record Decision(Fingerprint fingerprint, String storyId, boolean duplicate) {
    }

    /**
     * Decides where {@code article} goes among the open stories: the story it matches best, a new one, or nowhere
     * when a story already has it.
     */
    public static Decision decide(StoryIndex open, EnrichedArticle article) {
        Fingerprint f = fingerprint(article);
        StoryIndex.Source same = open.source(f.articleId());
        if (same != null) {
            return new Decision(f, same.storyId(), f.revision() <= same.fingerprint().revision());
        }
        String best = null;
        double bestScore = 0;
        for (StoryIndex.Source candidate : open.candidates(f)) {
            double score = similarity(f, candidate.fingerprint());
            // ties go to the smaller story id, so the choice does not depend on the order the index was filled in
            if (score > bestScore || (score > 0 && score == bestScore && candidate.storyId().compareTo(best) < 0)) {
                best = candidate.storyId();
                bestScore = score;
            }
        }
        return new Decision(f, best, false);
    }

    /**
     * How alike two articles are as reports of one event, in (0, 2]; 0 when they are not the same event.
     */
    static double similarity(Fingerprint a, Fingerprint b) {
        if (apartMoreThanWindow(a.time(), b.time())) {
            return 0;
        }
        double title = jaccard(a.titleTerms(), b.titleTerms());
        boolean texts = a.shingles() >= MIN_SHINGLES && b.shingles() >= MIN_SHINGLES;
        int distance = Long.bitCount(a.simhash() ^ b.simhash());
        double text = texts ? 1 - distance / 64.0 : 0;
        boolean sameEvent = (texts && distance <= NEAR_DUPLICATE_BITS)
                || (title >= SAME_TITLE && !conflicting(a, b))
                || (sharesEntities(a, b) && title >= RELATED_TITLE);
        return sameEvent ? title + text : 0;
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
     * Reports that blame different states or name different victims are different events, however alike their
     * formulaic headlines ("Espionage: hackers inside X's ministry").
     */
    private static boolean conflicting(Fingerprint a, Fingerprint b) {
        return disjoint(a.attributed(), b.attributed()) || disjoint(a.victims(), b.victims());
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && !intersects(a, b);
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
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
        Set<String> titleTerms = new HashSet<>();
        for (String w : words(a.title() == null ? "" : a.title())) {
            if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
                titleTerms.add(w);
            }
        }
        Tags t = a.tags();
        return new Fingerprint(a.id(), time(a), simhash, shingles, titleTerms,
                collect(t.actors(), Actor::name), collect(t.attributed(), Country::code), collect(t.victims(), Country::code),
                a.revision());
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
     * Start and end offsets, in pairs, of the runs of letters and numbers in UTF-8 {@code text}: the words
     * {@link #words} finds, as byte ranges.
     */
    static int[] wordBounds(byte[] text) {
        int[] bounds = new int[64];
        int n = 0;
        int start = -1;
        for (int i = 0; i < text.length; ) {
            int b = text[i] & 0xff;
            int cp;
            int length;
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
            if (isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                if (n + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[n++] = start;
                bounds[n++] = i;
                start = -1;
            }
            i += length;
        }
        if (start >= 0) {
            if (n + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length + 2);
            }
            bounds[n++] = start;
            bounds[n++] = text.length;
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
        Story story = new Story(Story.SCHEMA_VERSION, storyId(a.id()), lastVersion + 1, a.title() == null ? "" : a.title(), a.url(), t, t,
                merge(List.of(a.tags())), List.of(source(a, TEXT_BUDGET)));
        return new OpenStory(story, List.of(f), now);
    }

    /**
     * The next version of {@code open} with {@code a} as a further source, or in place of its earlier revision; the
     * story unchanged when {@code a} would be a further source past {@link #MAX_SOURCES}. The tags of an earlier
     * revision stay in the story's merged tags: a story's tags only grow.
     */
    public static OpenStory add(OpenStory open, EnrichedArticle a, Fingerprint f, Instant now) {
        Story s = open.story();
        List<StorySource> sources = new ArrayList<>(s.sources());
        List<Fingerprint> fingerprints = new ArrayList<>(open.fingerprints());
        int earlier = fingerprints.stream().map(Fingerprint::articleId).toList().indexOf(f.articleId());
        if (earlier < 0 && s.sources().size() >= MAX_SOURCES) {
            return open;
        }
        int textLeft = TEXT_BUDGET - sources.stream().filter(x -> !x.articleId().equals(a.id()))
                .mapToInt(x -> x.text() == null ? 0 : x.text().length()).sum();
        if (earlier < 0) {
            sources.add(source(a, textLeft));
            fingerprints.add(f);
        } else {
            // a revision keeps its place: the story's title and URL still come from its first source
            sources.set(earlier, source(a, textLeft));
            fingerprints.set(earlier, f);
        }
        List<Tags> tags = new ArrayList<>();
        tags.add(s.tags());
        tags.add(a.tags());
        Instant t = f.time();
        Story next = new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(),
                t.isBefore(s.firstSeen()) ? t : s.firstSeen(), t.isAfter(s.lastSeen()) ? t : s.lastSeen(), merge(tags), sources);
        return new OpenStory(next, fingerprints, now);
    }

    private static StorySource source(EnrichedArticle a, int textLeft) {
        String text = a.text() != null && a.text().length() <= textLeft ? a.text() : null;
        String outlet = a.feed().name() != null && !a.feed().name().isBlank() ? a.feed().name() : host(a.url());
        return new StorySource(a.id(), a.url(), a.title() == null ? "" : a.title(), outlet, a.feed(), a.published(),
                a.fetched(), a.language(), text, a.tags().evidence());
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
