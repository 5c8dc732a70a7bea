package io.spyglass.sink;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fingerprints of the open stories' sources, indexed so that placing an article compares it only with the sources
 * it could match rather than with every open source (thousands after two weeks of news). Every way two reports can be
 * one event ({@link Similarity#similarity}) needs publication times within {@link StoryClusterer#WINDOW}, and
 * either title words in common, at least {@link Similarity#RELATED_TITLE} of them by Jaccard, within
 * {@link Similarity#NEAR_WINDOW}, or SimHashes at most
 * {@link Similarity#NEAR_DUPLICATE_BITS} bits apart, which then agree on at least one of {@code
 * NEAR_DUPLICATE_BITS + 1} bands of bits, or something in common that every language writes alike (an actor, a
 * malware name or CVE, an attributed state and a victim, a name or keyword); so {@link #candidates} finds every
 * source a full comparison would match.
 */
final class StoryIndex {
    private static final int BANDS = Similarity.NEAR_DUPLICATE_BITS + 1;
    /**
     * Days either side of an article's own that can hold a report of the same event: title words are indexed per day
     * of publication, so that a word in most headlines ("hackers") leads only to the sources of the window.
     */
    private static final long NEAR_WINDOW_DAYS = Similarity.NEAR_WINDOW.toSeconds() / 86_400 + 1;
    /** The same for what {@link Similarity#commonGround} compares, which can join reports a whole window apart. */
    private static final long WINDOW_DAYS = StoryClusterer.WINDOW.toSeconds() / 86_400 + 1;
    /** {@link #ground} keys of the sound of a name in Latin letters, and of a name in another script. */
    private static final String LATIN_SOUND = "sound:latin:";
    private static final String OTHER_SCRIPT_SOUND = "sound:script:";

    /** A title word of the sources published on one day (UTC days since the epoch). */
    private record TermDay(String term, long day) {
    }

    /** One source of one open story. Identity equality: the same fingerprint can be a source of one story only. */
    static final class Source {
        private final String storyId;
        private final Fingerprint fingerprint;
        /** Its place in the counters of {@link #candidates}. */
        private final int slot;

        private Source(String storyId, Fingerprint fingerprint, int slot) {
            this.storyId = storyId;
            this.fingerprint = fingerprint;
            this.slot = slot;
        }

        String storyId() {
            return storyId;
        }

        Fingerprint fingerprint() {
            return fingerprint;
        }
    }

    private final Map<String, List<Source>> byStory = new LinkedHashMap<>();
    private final Map<String, Instant> updated = new HashMap<>();
    private final Map<String, Source> byArticle = new HashMap<>();
    private final Map<TermDay, Set<Source>> byTitleTerm = new HashMap<>();
    private final Map<Long, Set<Source>> byBand = new HashMap<>();
    /** Sources by what {@link Similarity#commonGround} compares, per day of publication. */
    private final Map<TermDay, Set<Source>> byGround = new HashMap<>();
    /** Per slot: its source, and the title words it shares with the fingerprint being placed (zero between calls). */
    private Source[] slots = new Source[256];
    private int[] commonTerms = new int[256];
    private int[] touched = new int[256];
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private int usedSlots;

    /** Sets the sources of {@code storyId}, replacing what it had, and the record time it last changed. */
    void put(String storyId, List<Fingerprint> fingerprints, Instant lastChanged) {
        remove(storyId);
        List<Source> sources = new ArrayList<>(fingerprints.size());
        for (Fingerprint f : fingerprints) {
            Source s = new Source(storyId, f, allocateSlot());
            slots[s.slot] = s;
            sources.add(s);
            byArticle.put(f.articleId(), s);
            long day = day(f);
            f.titleTerms().forEach(t -> byTitleTerm.computeIfAbsent(new TermDay(t, day), k -> new LinkedHashSet<>()).add(s));
            ground(f).forEach(g -> byGround.computeIfAbsent(new TermDay(g, day), k -> new LinkedHashSet<>()).add(s));
            for (int band = 0; band < BANDS; band++) {
                byBand.computeIfAbsent(bandKey(f.simhash(), band), k -> new LinkedHashSet<>()).add(s);
            }
        }
        byStory.put(storyId, sources);
        updated.put(storyId, lastChanged);
    }

    void remove(String storyId) {
        List<Source> sources = byStory.remove(storyId);
        updated.remove(storyId);
        if (sources == null) {
            return;
        }
        for (Source s : sources) {
            slots[s.slot] = null;
            freeSlots.push(s.slot);
            byArticle.remove(s.fingerprint.articleId(), s);
            long day = day(s.fingerprint);
            s.fingerprint.titleTerms().forEach(t -> removeFrom(byTitleTerm, new TermDay(t, day), s));
            ground(s.fingerprint).forEach(g -> removeFrom(byGround, new TermDay(g, day), s));
            for (int band = 0; band < BANDS; band++) {
                removeFrom(byBand, bandKey(s.fingerprint.simhash(), band), s);
            }
        }
    }

    void clear() {
        byStory.clear();
        updated.clear();
        byArticle.clear();
        byTitleTerm.clear();
        byBand.clear();
        byGround.clear();
        Arrays.fill(slots, null);
        freeSlots.clear();
        usedSlots = 0;
    }

    /** The fingerprints of the story's sources, in order; empty when it is not open. */
    List<Fingerprint> sources(String storyId) {
        return byStory.getOrDefault(storyId, List.of()).stream().map(Source::fingerprint).toList();
    }

    /** The earliest publication time of the open story's sources; null when it is not open. */
    Instant firstSeen(String storyId) {
        return byStory.getOrDefault(storyId, List.of()).stream().map(s -> s.fingerprint.time()).min(Instant::compareTo)
                .orElse(null);
    }

    /** The stories last changed before {@code cutoff} (record time). */
    List<String> changedBefore(Instant cutoff) {
        return updated.entrySet().stream().filter(e -> e.getValue().isBefore(cutoff)).map(Map.Entry::getKey).toList();
    }

    /** The open story that has the article as a source, or null. */
    Source source(String articleId) {
        return byArticle.get(articleId);
    }

    /**
     * The sources {@code f} could report the same event as: those sharing enough title words or a SimHash band, in
     * the order they were indexed.
     */
    Collection<Source> candidates(Fingerprint f) {
        // counted in arrays by slot, not in a map: common title words ("hackers") reach most open sources
        int touchedCount = 0;
        long day = day(f);
        for (String term : f.titleTerms()) {
            for (long d = day - NEAR_WINDOW_DAYS; d <= day + NEAR_WINDOW_DAYS; d++) {
                for (Source s : byTitleTerm.getOrDefault(new TermDay(term, d), Set.of())) {
                    if (commonTerms[s.slot]++ == 0) {
                        touched[touchedCount++] = s.slot;
                    }
                }
            }
        }
        Set<Source> out = new LinkedHashSet<>();
        for (int i = 0; i < touchedCount; i++) {
            Source s = slots[touched[i]];
            int common = commonTerms[s.slot];
            commonTerms[s.slot] = 0;
            double jaccard = (double) common / (f.titleTerms().size() + s.fingerprint.titleTerms().size() - common);
            if (jaccard >= Similarity.RELATED_TITLE) {
                out.add(s);
            }
        }
        for (int band = 0; band < BANDS; band++) {
            out.addAll(byBand.getOrDefault(bandKey(f.simhash(), band), Set.of()));
        }
        for (String g : ground(f)) {
            String key = meeting(g);
            for (long d = day - WINDOW_DAYS; d <= day + WINDOW_DAYS; d++) {
                out.addAll(byGround.getOrDefault(new TermDay(key, d), Set.of()));
            }
        }
        return out;
    }

    /**
     * The keys of what {@link Similarity#commonGround} compares: actors, entities, attributed-victim pairs, names,
     * keywords and sounds.
     */
    private static List<String> ground(Fingerprint f) {
        List<String> out = new ArrayList<>();
        f.actors().forEach(a -> out.add("actor:" + a));
        f.entities().forEach(e -> out.add("entity:" + e));
        for (String a : f.attributed()) {
            f.victims().forEach(v -> out.add("pair:" + a + ">" + v));
        }
        f.names().forEach(n -> out.add("name:" + n));
        // a tagged actor, malware or CVE meets the reports that only name it (Similarity.namedIn): by its first word
        f.actors().forEach(a -> out.add("name:" + a.toLowerCase(Locale.ROOT).split(" ")[0]));
        f.entities().forEach(e -> out.add("name:" + e.split(" ")[0]));
        f.keywords().forEach(k -> out.add("keyword:" + k));
        // a name meets its spelling in another script by its sound (Similarity.heard); not names in Latin letters
        // each other, which many a sound has ("nmn": "name", "Nomen")
        f.names().forEach(n -> out.add(LATIN_SOUND + Sounds.key(n)));
        f.sounds().forEach(k -> out.add(OTHER_SCRIPT_SOUND + k));
        return out;
    }

    /** The key of {@link #ground} that meets {@code key}: a sound of the other kind, or the key itself. */
    private static String meeting(String key) {
        return key.startsWith(LATIN_SOUND) ? OTHER_SCRIPT_SOUND + key.substring(LATIN_SOUND.length())
                : key.startsWith(OTHER_SCRIPT_SOUND) ? LATIN_SOUND + key.substring(OTHER_SCRIPT_SOUND.length()) : key;
    }

    private int allocateSlot() {
        if (!freeSlots.isEmpty()) {
            return freeSlots.pop();
        }
        if (usedSlots == slots.length) {
            slots = Arrays.copyOf(slots, usedSlots * 2);
            commonTerms = Arrays.copyOf(commonTerms, usedSlots * 2);
            touched = Arrays.copyOf(touched, usedSlots * 2);
        }
        return usedSlots++;
    }

    private static long day(Fingerprint f) {
        return Math.floorDiv(f.time().getEpochSecond(), 86_400);
    }

    /** The band's number in the high bits, its bits of the SimHash in the low ones. */
    private static long bandKey(long simhash, int band) {
        int from = band * 64 / BANDS;
        int to = (band + 1) * 64 / BANDS;
        long bits = (simhash >>> from) & ((1L << (to - from)) - 1);
        return ((long) band << 56) | bits;
    }

    private static <K> void removeFrom(Map<K, Set<Source>> postings, K key, Source s) {
        Set<Source> set = postings.get(key);
        if (set != null && set.remove(s) && set.isEmpty()) {
            postings.remove(key);
        }
    }
}
