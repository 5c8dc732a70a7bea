package io.spyglass.enrich.tag;

import io.spyglass.model.Evidence;
import java.util.Arrays;

/**
 * A text cut into word and punctuation tokens with their character offsets. Hyphens, dashes, slashes and
 * quotes separate words and are dropped, so "state-sponsored" and "state sponsored" give the same tokens;
 * a possessive becomes its own token {@code 's}; dotted abbreviations ("U.S.") and dotted numbers
 * ("T1566.001") stay one token. Each token carries its {@link Vocabulary} id, which stands for its
 * lower-cased text (the possessive's is {@link #POSSESSIVE} whichever apostrophe it has).
 */
final class Tokens {
    static final String POSSESSIVE = "'s";

    private final String text;
    // Scanning a char[] is cheaper than String.charAt, which checks bounds and decodes on every call.
    private final char[] chars;
    private final Vocabulary vocabulary;
    private final boolean addWords;
    private int size;
    private int[] start;
    private int[] end;
    private int[] ids;
    // Positions of the tokens a gazetteer phrase starts with: the only places a PhraseMatcher need look at.
    private int[] phraseStarts;
    private int phraseStartCount;

    private Tokens(String text, Vocabulary vocabulary, boolean addWords) {
        this.text = text;
        this.chars = text.toCharArray();
        this.vocabulary = vocabulary;
        this.addWords = addWords;
        int capacity = Math.max(16, looksCjk(text) ? text.length() : text.length() / 5);
        start = new int[capacity];
        end = new int[capacity];
        ids = new int[capacity];
        phraseStarts = new int[capacity];
    }

    // CJK text has about a token per character, other text one per five or six: a few characters tell which.
    private static boolean looksCjk(String text) {
        int n = text.length();
        int cjk = 0;
        for (int k = 1; k <= 8 && n > 0; k++) {
            char c = text.charAt(n * k / 9);
            cjk += c >= 128 && isCjk(c) ? 1 : 0;
        }
        return cjk >= 3;
    }

    /** The tokens of an article; words outside the vocabulary get {@link Vocabulary#UNKNOWN}. */
    static Tokens of(String text, Vocabulary vocabulary) {
        Tokens t = new Tokens(text, vocabulary, false);
        t.split();
        return t;
    }

    /** The tokens of a gazetteer or cue phrase, adding its words to the vocabulary. */
    static Tokens ofPhrase(String phrase, Vocabulary vocabulary) {
        Tokens t = new Tokens(phrase, vocabulary, true);
        t.split();
        return t;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    /** The token's vocabulary id, or {@link Vocabulary#UNKNOWN}. */
    int id(int i) {
        return ids[i];
    }

    /** How many tokens start with a word some gazetteer phrase starts with. */
    int phraseStartCount() {
        return phraseStartCount;
    }

    /** The position of the {@code k}-th token, in text order, that a gazetteer phrase may start at. */
    int phraseStart(int k) {
        return phraseStarts[k];
    }

    /** Lower-cases char by char, as {@link Vocabulary} compares. */
    static String lowerCase(String s, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = Vocabulary.lower(s.charAt(k));
        }
        return new String(out);
    }

    /** As {@link #lowerCase(String, int, int)}, of a region of characters. */
    static String lowerCase(char[] s, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = Vocabulary.lower(s[k]);
        }
        return new String(out);
    }

    /** True for a Han, Hiragana, Katakana or Hangul character, which is a token of its own. */
    static boolean isCjk(char c) {
        return (c >= '\u3040' && c <= '\u30ff')     // Hiragana, Katakana (with the prolonged sound mark)
                || (c >= '\u3400' && c <= '\u4dbf') // CJK extension A
                || (c >= '\u4e00' && c <= '\u9fff') // CJK unified ideographs
                || (c >= '\uac00' && c <= '\ud7af') // Hangul syllables
                || (c >= '\u1100' && c <= '\u11ff') // Hangul jamo
                || (c >= '\u3130' && c <= '\u318f') // Hangul compatibility jamo
                || (c >= '\uf900' && c <= '\ufaff') // CJK compatibility ideographs
                || (c >= '\uff66' && c <= '\uff9f') // half-width Katakana
                || c == '\u3005' || c == '\u3006';   // the iteration marks 々 and 〆
    }

    /** True when the text from {@code start(i)} equals {@code word} exactly. */
    boolean originalEquals(int i, String word) {
        if (end[i] - start[i] != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (chars[start[i] + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The token as written. */
    String original(int i) {
        return text.substring(start[i], end[i]);
    }

    char firstChar(int i) {
        return chars[start[i]];
    }

    char charAt(int offset) {
        return chars[offset];
    }

    boolean isWord(int i) {
        return Character.isLetterOrDigit(chars[start[i]]);
    }

    /** The text from the start of token {@code first} to the end of token {@code last - 1}. */
    String span(int first, int last) {
        return text.substring(start[first], end[last - 1]);
    }

    /**
     * The first token of the sentence token {@code k} is in, looking back at most {@code reach} tokens: after a full
     * stop (Latin or CJK), an exclamation or question mark, or a line break.
     */
    int sentenceStart(int k, int reach) {
        int from = k;
        for (int steps = 0; from > 0 && steps < reach && !sentenceBreak(from - 1, from); steps++) {
            from--;
        }
        return from;
    }

    /** The end (exclusive) of the sentence whose tokens run to {@code last}, looking on at most {@code reach} tokens. */
    int sentenceEnd(int last, int reach) {
        int to = last;
        for (int steps = 0; to < size() && steps < reach && !sentenceBreak(to - 1, to); steps++) {
            to++;
        }
        return to;
    }

    /** True when a sentence ends between token {@code left} and the next: a full stop, or a line break. */
    boolean sentenceBreak(int left, int right) {
        char c = firstChar(left);
        return c == '.' || c == '\u3002' || c == '!' || c == '?' || c == '\uff01' || c == '\uff1f' || c == '\uff0e'
                || lineBreakBetween(left, right);
    }

    /** True when a line break stands between token {@code left} and token {@code right}. */
    boolean lineBreakBetween(int left, int right) {
        for (int c = end[left]; c < start[right]; c++) {
            if (chars[c] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Evidence for a tag's value: the tokens {@code first} to {@code last - 1} as written, and where they start. */
    Evidence evidence(String tag, String value, int first, int last, String rule) {
        return new Evidence(tag, value, span(first, last), start[first], rule);
    }

    private void split() {
        char[] cs = chars;
        int n = cs.length;
        // The arrays and counts live in locals for the scan (fields would be re-read after every store).
        int[] starts = start;
        int[] ends = end;
        int[] tokenIds = ids;
        int[] phraseAt = phraseStarts;
        Vocabulary.StemmedIds stemmedIds = addWords ? null : vocabulary.stemmedIds();
        int count = 0;
        int phraseCount = 0;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            int from = i;
            int id;
            if (c >= 128 && isCjk(c)) {
                // Japanese, Chinese and Korean: a token per character, in text and dictionary alike, so that a
                // dictionary entry matches as a sequence of characters wherever it stands (no word boundaries).
                id = idOf(i, i + 1);
                i++;
            } else if (c < 128 ? ASCII_WORD_LOWER[c] != 0 : Character.isLetterOrDigit(c)) {
                int j = i + 1 < n && cs[i + 1] == '.' ? abbreviationEnd(i) : -1;
                if (j >= 0) {
                    id = idOf(i, j);
                } else {
                    // The word's vocabulary key is packed during the scan, so a short ASCII word (most words) is
                    // read once and looked up without a hash or a comparison. The inner loop takes ASCII word
                    // characters, one table lookup both ending the word and lower-casing the character; the rarer
                    // ones are tested after it, so that its exit is the word's end.
                    long packed = c < 128 ? ASCII_WORD_LOWER[c] : 0;
                    boolean ascii = c < 128;
                    j = i + 1;
                    while (true) {
                        char lower;
                        while (j < n && cs[j] < 128 && (lower = ASCII_WORD_LOWER[cs[j]]) != 0) {
                            packed = Vocabulary.pack(packed, lower);
                            j++;
                        }
                        // Rarer word characters: a letter beyond ASCII, a dot inside a number.
                        if (j < n && cs[j] >= 128 && Character.isLetterOrDigit(cs[j]) && !isCjk(cs[j])) {
                            ascii = false;
                        } else if (j < n && cs[j] == '.' && isDottedDigit(j)) {
                            packed = Vocabulary.pack(packed, '.');
                        } else {
                            break;
                        }
                        j++;
                    }
                    long key = ascii && j - i <= Vocabulary.PACKED_MAX_LENGTH ? packed : Vocabulary.key(cs, i, j);
                    id = addWords ? idOf(i, j) : vocabulary.findWord(cs, i, j, key, stemmedIds);
                }
                i = j;
            } else if (c < 128 && ASCII_CLASS[c] == SKIP) {
                i++;
                continue;
            } else if (c == '\'' || c == '\u2019') {
                if (i + 1 < n && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                        && (i + 2 == n || !Character.isLetterOrDigit(cs[i + 2]))
                        && ((count > 0 && ends[count - 1] == i) || (addWords && i == 0))) {
                    // A cue phrase may be the possessive alone ("'s"); in a text it follows a word.
                    id = addWords ? vocabulary.add(POSSESSIVE) : vocabulary.find(POSSESSIVE.toCharArray(), 0, 2);
                    i += 2;
                } else {
                    i++;
                    continue;
                }
            } else if (isSpace(c) || isSeparator(c)) {
                i++;
                continue;
            } else {
                id = idOf(i, i + 1);
                i++;
            }
            if (count == starts.length) {
                // CJK text has a token per character, not per five: grow once to what the rate so far predicts.
                int capacity = (int) Math.max(2L * count, (long) count * n / i + 16);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                tokenIds = Arrays.copyOf(tokenIds, capacity);
                phraseAt = Arrays.copyOf(phraseAt, capacity);
            }
            starts[count] = from;
            ends[count] = i;
            tokenIds[count] = id;
            if (vocabulary.startsPhrase(id)) {
                phraseAt[phraseCount++] = count;
            }
            count++;
        }
        start = starts;
        end = ends;
        ids = tokenIds;
        phraseStarts = phraseAt;
        size = count;
        phraseStartCount = phraseCount;
    }

    /** The id of the word {@code chars[from, to)}, which is no possessive; added to the vocabulary for a phrase. */
    private int idOf(int from, int to) {
        return addWords ? vocabulary.add(lowerCase(text, from, to)) : vocabulary.find(chars, from, to);
    }

    // How split() treats an ASCII character: part of a word, skipped (space, hyphen, slash, double quote), or
    // anything else; one table lookup instead of a chain of comparisons for every character.
    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte SKIP = 2;
    private static final byte[] ASCII_CLASS = new byte[128];
    // An ASCII word character lower-cased, 0 for any other character.
    private static final char[] ASCII_WORD_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_CLASS[c] = isLetterOrDigit(c) ? WORD : c != '\'' && (isSpace(c) || isSeparator(c)) ? SKIP : OTHER;
            ASCII_WORD_LOWER[c] = isLetterOrDigit(c) ? Vocabulary.lower(c) : 0;
        }
    }

    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#isWhitespace(char)}, answered for ASCII without the lookup tables. */
    private static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        return Character.isWhitespace(c);
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2014' || c == '/'
                || c == '"' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u00ad' || c == '*'
                || c == '_' || c == '`';
    }

    /** "T1566.001", "3.5": a dot between digits does not end the token. */
    private boolean isDottedDigit(int j) {
        return chars[j] == '.' && j + 1 < text.length() && Character.isDigit(chars[j + 1])
                && Character.isDigit(chars[j - 1]);
    }

    /** End of a dotted abbreviation of single capitals ("U.S.", "P.R.C."), or -1. */
    private int abbreviationEnd(int i) {
        int k = i;
        int n = text.length();
        while (k + 1 < n && Character.isUpperCase(chars[k]) && chars[k + 1] == '.') {
            k += 2;
        }
        boolean twoLetters = k - i >= 4;
        return twoLetters && (k == n || !Character.isLetterOrDigit(chars[k])) ? k : -1;
    }
}
