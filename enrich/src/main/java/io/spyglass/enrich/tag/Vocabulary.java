package io.spyglass.enrich.tag;

import java.util.Arrays;

/**
 * The lower-cased words of every gazetteer and cue list, numbered, in an open-addressing table that looks up a
 * word straight from a region of the article text, so tokenising allocates no strings. Built once while the
 * tagger loads, then only read (thread-safe for reading).
 */
final class Vocabulary {
    static final int UNKNOWN = -1;

    // Slot k holds its word's hash at 2k and id + 1 at 2k + 1 (0: empty), side by side so that a probe,
    // mostly for a word not in the table, touches one cache line.
    private int[] slots = new int[2 << 12];
    private char[][] words = new char[1 << 12][];
    private int size;
    // One bit per value of the hash's high 16 bits, set for every word in the table: most article words are not
    // in it, and this 8 KB filter, which stays in the L1 cache, turns most of them away without touching slots.
    private final long[] filter = new long[1 << 10];
    // By id: true when some gazetteer phrase starts with the word, so a tokenizer can list where matching may start.
    private boolean[] phraseStart = new boolean[1 << 12];

    /** The id of a lower-cased word, adding it if new. */
    int add(String lower) {
        char[] word = lower.toCharArray();
        int found = find(word, 0, word.length);
        if (found != UNKNOWN) {
            return found;
        }
        // At most half full keeps the probes for a word not in the table (most words) short.
        if (2 * (size + 1) > words.length) {
            grow();
        }
        put(word, mix(rawHash(word, 0, word.length)), size);
        return size++;
    }

    /** The id of the word at {@code text[start, end)} ignoring case, or {@link #UNKNOWN}. */
    int find(char[] text, int start, int end) {
        return find(text, start, end, rawHash(text, start, end));
    }

    /** As {@link #find(char[], int, int)}, with the region's {@link #rawHash} already computed by the caller. */
    int find(char[] text, int start, int end, int rawHash) {
        int h = mix(rawHash);
        if ((filter[h >>> 22] & (1L << (h >>> 16))) == 0) {
            return UNKNOWN;
        }
        int mask = words.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int id = slots[2 * i + 1];
            if (id == 0) {
                return UNKNOWN;
            }
            if (slots[2 * i] == h && sameWord(words[i], text, start, end)) {
                return id - 1;
            }
        }
    }

    int size() {
        return size;
    }

    /** Records that a gazetteer phrase starts with the word of this id. */
    void markPhraseStart(int id) {
        if (id >= phraseStart.length) {
            phraseStart = Arrays.copyOf(phraseStart, Math.max(id + 1, 2 * phraseStart.length));
        }
        phraseStart[id] = true;
    }

    /** True when some gazetteer phrase starts with the word of this id; false for {@link #UNKNOWN}. */
    boolean startsPhrase(int id) {
        return id >= 0 && id < phraseStart.length && phraseStart[id];
    }

    /** 31-polynomial hash of the lower-cased region, as a tokenizer can accumulate it while scanning. */
    static int rawHash(char[] text, int start, int end) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + lower(text[k]);
        }
        return h;
    }

    /** {@link Character#toLowerCase(char)}, with a fast path for ASCII, which most article text is. */
    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /**
     * Spreads the polynomial hash over all 32 bits (MurmurHash3's finaliser): the table indexes by the low bits and
     * the filter by the high 16, which for a short word's polynomial hash are all zero.
     */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    private void put(char[] word, int h, int id) {
        int mask = words.length - 1;
        int i = h & mask;
        while (slots[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        slots[2 * i] = h;
        filter[h >>> 22] |= 1L << (h >>> 16);
        slots[2 * i + 1] = id + 1;
        words[i] = word;
    }

    private static boolean sameWord(char[] word, char[] text, int start, int end) {
        if (word.length != end - start) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (word[k] != lower(text[start + k])) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] oldSlots = slots;
        char[][] oldWords = words;
        slots = new int[oldSlots.length * 2];
        words = new char[oldWords.length * 2][];
        for (int k = 0; k < oldWords.length; k++) {
            if (oldSlots[2 * k + 1] != 0) {
                put(oldWords[k], oldSlots[2 * k], oldSlots[2 * k + 1] - 1);
            }
        }
    }
}
