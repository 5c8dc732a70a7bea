package io.spyglass.enrich.tag;

import java.util.Arrays;

/**
 * The lower-cased words of every gazetteer and cue list, numbered, in an open-addressing table that looks up a
 * word straight from a region of the article text, so tokenising allocates no strings. Built once while the
 * tagger loads, then only read (thread-safe for reading).
 */
final class Vocabulary {
    static final int UNKNOWN = -1;
    /** The longest word that is its own {@link #key}: 9 ASCII characters of 7 bits fill 63 bits. */
    static final int PACKED_MAX_LENGTH = 9;
    // Set in the key of a longer or non-ASCII word, which is a hash; a packed key leaves the sign bit clear.
    private static final long HASHED = Long.MIN_VALUE;

    // Slot k holds a word's key (0: empty), its id and the word, which only a hashed key needs to be compared with.
    private long[] keys = new long[1 << 12];
    private int[] ids = new int[1 << 12];
    private char[][] words = new char[1 << 12][];
    private int size;
    // One bit per value of the mixed key's high 16 bits, set for every word in the table: most article words are
    // not in it, and this 8 KB filter, which stays in the L1 cache, turns most of them away without a probe.
    private final long[] filter = new long[1 << 10];
    // By id: true when some gazetteer phrase starts with the word, so a tokenizer can list where matching may start.
    private boolean[] phraseStart = new boolean[1 << 12];

    // The language's stemmer, applied to every word added and looked up with findWord; null: words as written.
    private final Stemmer stemmer;
    // Stemming a word costs a string or three; running text repeats its words, so each thread remembers the ids
    // of the forms it has looked up (a stemming vocabulary only).
    private final ThreadLocal<StemmedIds> stemmedIds = ThreadLocal.withInitial(StemmedIds::new);

    /**
     * One thread's ids of the inflected forms it has looked up, by the forms' keys, in an open-addressing table at
     * most half full that is emptied when it would pass {@link #MAX_FORMS}; valid while the vocabulary has
     * {@code size} words.
     */
    static final class StemmedIds {
        // A day of one language's news uses some tens of thousands of forms; past this many the table starts
        // afresh, so that it stays within about 3 MB per thread and language.
        static final int MAX_FORMS = 1 << 15;
        long[] keys = new long[1 << 12];
        char[][] words = new char[1 << 12][];
        int[] ids = new int[1 << 12];
        int count;
        int size = -1;

        /** The slot of a form: where its key is, or the empty slot where it goes. */
        int slot(long key, char[] text, int start, int end) {
            int mask = keys.length - 1;
            int i = (int) mix(key) & mask;
            while (keys[i] != 0 && !(keys[i] == key && (key > 0 || sameWord(words[i], text, start, end)))) {
                i = (i + 1) & mask;
            }
            return i;
        }

        void put(int slot, long key, char[] word, int id) {
            keys[slot] = key;
            words[slot] = word;
            ids[slot] = id;
            if (2 * ++count > keys.length) {
                rehash(keys.length >= 2 * MAX_FORMS ? keys.length : 2 * keys.length, keys.length < 2 * MAX_FORMS);
            }
        }

        void clear() {
            Arrays.fill(keys, 0);
            Arrays.fill(words, null);
            count = 0;
        }

        private void rehash(int capacity, boolean keep) {
            long[] oldKeys = keys;
            char[][] oldWords = words;
            int[] oldIds = ids;
            keys = new long[capacity];
            words = new char[capacity][];
            ids = new int[capacity];
            count = 0;
            for (int k = 0; keep && k < oldKeys.length; k++) {
                if (oldKeys[k] != 0) {
                    int mask = capacity - 1;
                    int i = (int) mix(oldKeys[k]) & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[k];
                    words[i] = oldWords[k];
                    ids[i] = oldIds[k];
                    count++;
                }
            }
        }
    }

    /** A vocabulary of words as written (lower-cased). */
    Vocabulary() {
        this(null);
    }

    /** A vocabulary whose words are reduced by {@code stemmer}, when not null, both when added and when looked up. */
    Vocabulary(Stemmer stemmer) {
        this.stemmer = stemmer;
    }

    /** The id of a lower-cased word (its stem, in a stemming vocabulary), adding it if new. */
    int add(String lower) {
        char[] word = (stemmable(lower) ? stemmer.stem(lower) : lower).toCharArray();
        int found = find(word, 0, word.length);
        if (found != UNKNOWN) {
            return found;
        }
        // At most half full keeps the probes for a word not in the table short.
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        put(key(word, 0, word.length), word, size);
        return size++;
    }

    /** The id of the word at {@code text[start, end)} ignoring case, or {@link #UNKNOWN}. */
    int find(char[] text, int start, int end) {
        return find(text, start, end, key(text, start, end));
    }

    /** As {@link #find(char[], int, int)}, with the region's {@link #key} already computed by the caller. */
    int find(char[] text, int start, int end, long key) {
        long h = mix(key);
        if ((filter[(int) (h >>> 54)] & (1L << (h >>> 48))) == 0) {
            return UNKNOWN;
        }
        int mask = keys.length - 1;
        for (int i = (int) h & mask; keys[i] != 0; i = (i + 1) & mask) {
            // A packed key is the word itself, so only a hashed key needs the characters compared.
            if (keys[i] == key && (key > 0 || sameWord(words[i], text, start, end))) {
                return ids[i];
            }
        }
        return UNKNOWN;
    }

    /**
     * The id of the article word at {@code text[start, end)}, as {@link #find(char[], int, int, long)}, but through the
     * stemmer when the vocabulary has one, so that an inflected form finds its entry.
     */
    int findWord(char[] text, int start, int end, long key) {
        return findWord(text, start, end, key, stemmedIds());
    }

    /**
     * This thread's memory of stemmed forms, for {@link #findWord(char[], int, int, long, StemmedIds)}; null when the
     * vocabulary does not stem. A tokenizer fetches it once per text: a thread-local lookup per word costs more than
     * the word's probe.
     */
    StemmedIds stemmedIds() {
        return stemmer == null ? null : stemmedIds.get();
    }

    /** As {@link #findWord(char[], int, int, long)}, with this thread's {@link #stemmedIds()}. */
    int findWord(char[] text, int start, int end, long key, StemmedIds seen) {
        if (stemmer == null) {
            return find(text, start, end, key);
        }
        if (seen.size != size) {
            // Words were added since this thread last looked (while the tagger loads): start afresh.
            seen.clear();
            seen.size = size;
        }
        int slot = seen.slot(key, text, start, end);
        if (seen.keys[slot] != 0) {
            return seen.ids[slot];
        }
        int id = findStemmed(text, start, end, key);
        // A packed key is the word itself; only a hashed one needs the characters to tell words apart.
        seen.put(slot, key, key > 0 ? null : Tokens.lowerCase(text, start, end).toCharArray(), id);
        return id;
    }

    private int findStemmed(char[] text, int start, int end, long key) {
        String lower = Tokens.lowerCase(text, start, end);
        if (!stemmable(lower)) {
            return find(text, start, end, key);
        }
        char[] stem = stemmer.stem(lower).toCharArray();
        return find(stem, 0, stem.length);
    }

    // Words of letters only: numbers, identifiers ("t1566", "apt28") and punctuation are kept as written.
    private boolean stemmable(String lower) {
        if (stemmer == null || lower.length() < 3) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (!Character.isLetter(lower.charAt(k)) || Tokens.isCjk(lower.charAt(k))) {
                return false;
            }
        }
        return true;
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

    /**
     * The table key of the lower-cased region. A word of up to {@link #PACKED_MAX_LENGTH} characters whose lower
     * cases are ASCII is its own key, {@link #pack}ed; any other word's key is its 31-polynomial hash with the sign
     * bit set. Never 0.
     */
    static long key(char[] text, int start, int end) {
        long packed = 0;
        int hash = 0;
        boolean packable = end - start <= PACKED_MAX_LENGTH;
        for (int k = start; k < end; k++) {
            char c = lower(text[k]);
            packable &= c != 0 && c < 128;
            packed = pack(packed, c);
            hash = 31 * hash + c;
        }
        return packable && packed != 0 ? packed : HASHED | (hash & 0xffffffffL);
    }

    /** Appends the 7 bits of an ASCII character to a packed key, as a tokenizer can while it scans a word. */
    static long pack(long packed, char asciiLower) {
        return packed << 7 | asciiLower;
    }

    /** {@link Character#toLowerCase(char)}, with a fast path for ASCII, which most article text is. */
    static char lower(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        // Latin-1 letters (é, ü, ß) are most of French and German beyond ASCII: À-Þ but × lower by 0x20.
        if (c < 256) {
            return c >= '\u00c0' && c <= '\u00de' && c != '\u00d7' ? (char) (c + 0x20) : c;
        }
        // Kana, Han and Hangul have no case: CJK text, a token per character, skips the lookup.
        if ((c >= '\u3000' && c < '\ua000') || (c >= '\uac00' && c < '\ud7b0')) {
            return c;
        }
        return Character.toLowerCase(c);
    }

    /** Spreads the key over all 64 bits (MurmurHash3's 64-bit finaliser): slots use the low bits, the filter the high. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private void put(long key, char[] word, int id) {
        long h = mix(key);
        int mask = keys.length - 1;
        int i = (int) h & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        ids[i] = id;
        words[i] = word;
        filter[(int) (h >>> 54)] |= 1L << (h >>> 48);
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
        long[] oldKeys = keys;
        int[] oldIds = ids;
        char[][] oldWords = words;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldIds.length * 2];
        words = new char[oldWords.length * 2][];
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != 0) {
                put(oldKeys[k], oldWords[k], oldIds[k]);
            }
        }
    }
}
