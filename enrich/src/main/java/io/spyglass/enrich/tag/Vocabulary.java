package io.spyglass.enrich.tag;

/**
 * The lower-cased words of every gazetteer and cue list, numbered, in an open-addressing table that looks up a
 * word straight from a region of the article text, so tokenising allocates no strings. Built once while the
 * tagger loads, then only read (thread-safe for reading).
 */
final class Vocabulary {
    static final int UNKNOWN = -1;

    private char[][] words = new char[1 << 12][];
    private int[] ids = new int[1 << 12];
    private int[] hashes = new int[1 << 12];
    private int size;

    /** The id of a lower-cased word, adding it if new. */
    int add(String lower) {
        char[] word = lower.toCharArray();
        int found = find(word, 0, word.length);
        if (found != UNKNOWN) {
            return found;
        }
        // A table at most a quarter full keeps the probes for a word not in it (most words) short.
        if (4 * (size + 1) > words.length) {
            grow();
        }
        int slot = slot(word, 0, word.length);
        words[slot] = word;
        ids[slot] = size;
        hashes[slot] = mix(rawHash(word, 0, word.length));
        return size++;
    }

    /** The id of the word at {@code text[start, end)} ignoring case, or {@link #UNKNOWN}. */
    int find(char[] text, int start, int end) {
        return find(text, start, end, rawHash(text, start, end));
    }

    /** As {@link #find(char[], int, int)}, with the region's {@link #rawHash} already computed by the caller. */
    int find(char[] text, int start, int end, int rawHash) {
        int slot = slot(text, start, end, mix(rawHash));
        return words[slot] == null ? UNKNOWN : ids[slot];
    }

    /** 31-polynomial hash of the lower-cased region, as a tokenizer can accumulate it while scanning. */
    static int rawHash(char[] text, int start, int end) {
        int h = 0;
        for (int k = start; k < end; k++) {
            h = 31 * h + lower(text[k]);
        }
        return h;
    }

    int size() {
        return size;
    }

    private int slot(char[] text, int start, int end) {
        return slot(text, start, end, mix(rawHash(text, start, end)));
    }

    private int slot(char[] text, int start, int end, int h) {
        int mask = words.length - 1;
        int i = h & mask;
        while (words[i] != null && (hashes[i] != h || !sameWord(words[i], text, start, end))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
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

    /** {@link Character#toLowerCase(char)}, with a fast path for ASCII, which most article text is. */
    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    private void grow() {
        char[][] oldWords = words;
        int[] oldIds = ids;
        int[] oldHashes = hashes;
        words = new char[oldWords.length * 2][];
        ids = new int[oldWords.length * 2];
        hashes = new int[oldWords.length * 2];
        for (int k = 0; k < oldWords.length; k++) {
            if (oldWords[k] != null) {
                int slot = slot(oldWords[k], 0, oldWords[k].length, oldHashes[k]);
                words[slot] = oldWords[k];
                ids[slot] = oldIds[k];
                hashes[slot] = oldHashes[k];
            }
        }
    }
}
