package io.spyglass.enrich.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A gazetteer: phrases compiled into a trie over {@link Vocabulary} ids, matched in one left-to-right pass
 * (longest match wins). Case matters only where the phrase has capitals: an acronym token ("US", "GRU", "C2")
 * must match exactly and a capitalised token needs a capital in the text, so "US" never matches "us" and
 * "Lazarus" never matches "lazarus".
 *
 * @param <P> what a phrase stands for
 */
final class PhraseMatcher<P> {

    /** A phrase found in a text: tokens {@code first} (inclusive) to {@code last} (exclusive). */
    record Match<P>(int first, int last, P payload) {
    }

    private static final byte ANY_CASE = 0;
    private static final byte CAPITALISED = 1;
    private static final byte EXACT = 2;

    private record Entry<P>(String[] tokens, byte[] modes, P payload) {
    }

    /** A trie node; children are few, so they sit in parallel arrays searched linearly. */
    private static final class Node<P> {
        int[] keys = new int[0];
        @SuppressWarnings("unchecked")
        Node<P>[] children = new Node[0];
        @SuppressWarnings("unchecked")
        Entry<P>[] entries = new Entry[0];
        // True when some entry matches in any case, so the text's case need not be checked.
        boolean anyCase;

        Node<P> child(int id) {
            for (int k = 0; k < keys.length; k++) {
                if (keys[k] == id) {
                    return children[k];
                }
            }
            return null;
        }

        Node<P> addChild(int id) {
            Node<P> c = child(id);
            if (c == null) {
                c = new Node<>();
                keys = Arrays.copyOf(keys, keys.length + 1);
                children = Arrays.copyOf(children, children.length + 1);
                keys[keys.length - 1] = id;
                children[children.length - 1] = c;
            }
            return c;
        }
    }

    private final Vocabulary vocabulary;
    // The first token indexes an array: it is looked up for every token of every article.
    @SuppressWarnings("unchecked")
    private Node<P>[] roots = new Node[0];

    PhraseMatcher(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Adds a phrase; a phrase without any word is ignored. Not thread-safe: build, then only match. */
    void add(String phrase, P payload) {
        Tokens t = Tokens.ofPhrase(phrase, vocabulary);
        if (t.size() == 0) {
            return;
        }
        String[] original = new String[t.size()];
        byte[] modes = new byte[t.size()];
        // "FANCY BEAR" is a vendor's house style for a name, not a string of acronyms.
        boolean shouted = t.size() > 1 && phrase.equals(phrase.toUpperCase(Locale.ROOT));
        vocabulary.markPhraseStart(t.id(0));
        if (t.id(0) >= roots.length) {
            roots = Arrays.copyOf(roots, Math.max(t.id(0) + 1, roots.length * 2));
        }
        if (roots[t.id(0)] == null) {
            roots[t.id(0)] = new Node<>();
        }
        Node<P> node = roots[t.id(0)];
        for (int i = 0; i < t.size(); i++) {
            original[i] = t.original(i);
            modes[i] = shouted ? (Character.isUpperCase(original[i].charAt(0)) ? CAPITALISED : ANY_CASE)
                    : mode(original[i]);
            if (i > 0) {
                node = node.addChild(t.id(i));
            }
        }
        node.entries = Arrays.copyOf(node.entries, node.entries.length + 1);
        node.entries[node.entries.length - 1] = new Entry<>(original, modes, payload);
        boolean caseFree = true;
        for (byte mode : modes) {
            caseFree &= mode == ANY_CASE;
        }
        node.anyCase |= caseFree;
    }

    /** Every match in the text, in order; matches do not overlap. */
    List<Match<P>> match(Tokens text) {
        return match(text, false);
    }

    /** The longest match at every token, in order; a match may lie inside another ("hackers" in "military hackers"). */
    List<Match<P>> matchOverlapping(Tokens text) {
        return match(text, true);
    }

    private List<Match<P>> match(Tokens text, boolean overlapping) {
        List<Match<P>> out = new ArrayList<>();
        int n = text.size();
        // Where the next match may start: past the last one, unless matches may overlap.
        int free = 0;
        for (int k = 0; k < text.phraseStartCount(); k++) {
            int i = text.phraseStart(k);
            int id = text.id(i);
            Node<P> node = i >= free && id < roots.length ? roots[id] : null;
            if (node == null) {
                continue;
            }
            int bestLength = 0;
            Node<P> bestNode = null;
            int j = i;
            while (node != null) {
                j++;
                if (node.entries.length > 0 && (node.anyCase || anyCaseMatch(node, text, i))) {
                    bestLength = j - i;
                    bestNode = node;
                }
                node = j < n && text.id(j) >= 0 ? node.child(text.id(j)) : null;
            }
            if (bestNode == null) {
                continue;
            }
            for (Entry<P> e : bestNode.entries) {
                if (caseMatches(e, text, i)) {
                    out.add(new Match<>(i, i + bestLength, e.payload()));
                }
            }
            free = overlapping ? i + 1 : i + bestLength;
        }
        return out;
    }

    private boolean anyCaseMatch(Node<P> node, Tokens text, int from) {
        for (Entry<P> e : node.entries) {
            if (caseMatches(e, text, from)) {
                return true;
            }
        }
        return false;
    }

    private static <P> boolean caseMatches(Entry<P> e, Tokens text, int from) {
        int count = e.modes().length;
        for (int k = 0; k < count; k++) {
            byte mode = e.modes()[k];
            if (mode == EXACT && !text.originalEquals(from + k, e.tokens()[k])) {
                return false;
            }
            if (mode == CAPITALISED && !Character.isUpperCase(text.firstChar(from + k))) {
                return false;
            }
        }
        // Next to a shouted word ("MUST WATCH"), "MUST" or "RAW" is shouted too, not an agency.
        return count != 1 || e.modes()[0] != EXACT || !(shouting(text, from - 1) || shouting(text, from + 1));
    }

    /** A word of four or more characters, all capitals or digits, with at least one letter. */
    private static boolean shouting(Tokens text, int i) {
        if (i < 0 || i >= text.size() || text.end(i) - text.start(i) < 4) {
            return false;
        }
        boolean letter = false;
        for (int k = text.start(i); k < text.end(i); k++) {
            char c = text.charAt(k);
            if (Character.isLowerCase(c) || !Character.isLetterOrDigit(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static byte mode(String token) {
        int upper = 0;
        boolean lower = false;
        boolean digit = false;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            }
        }
        // Long all-capital words ("STRONTIUM", "SEDENA") are names written loudly, not acronyms.
        boolean acronym = !lower && (upper >= 2 || (upper == 1 && digit)) && (token.length() <= 4 || digit);
        if (acronym) {
            return EXACT;
        }
        return upper > 0 ? CAPITALISED : ANY_CASE;
    }
}
