package io.spyglass.enrich.tag;

import java.util.Arrays;
import java.util.Locale;

/**
 * A text cut into word and punctuation tokens with their character offsets. Hyphens, dashes, slashes and
 * quotes separate words and are dropped, so "state-sponsored" and "state sponsored" give the same tokens;
 * a possessive becomes its own token {@code 's}; dotted abbreviations ("U.S.") and dotted numbers
 * ("T1566.001") stay one token.
 */
final class Tokens {
    static final String POSSESSIVE = "'s";

    private final String text;
    private int size;
    private int[] start;
    private int[] end;
    private String[] lower;

    private Tokens(String text) {
        this.text = text;
        int capacity = Math.max(16, text.length() / 5);
        start = new int[capacity];
        end = new int[capacity];
        lower = new String[capacity];
    }

    static Tokens of(String text) {
        Tokens t = new Tokens(text);
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

    /** The token lower-cased; possessives normalised to {@code 's}. */
    String lower(int i) {
        return lower[i];
    }

    /** The token as written. */
    String original(int i) {
        return text.substring(start[i], end[i]);
    }

    char firstChar(int i) {
        return text.charAt(start[i]);
    }

    boolean isWord(int i) {
        return Character.isLetterOrDigit(text.charAt(start[i]));
    }

    /** The text from the start of token {@code first} to the end of token {@code last - 1}. */
    String span(int first, int last) {
        return text.substring(start[first], end[last - 1]);
    }

    private void split() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = abbreviationEnd(i);
                if (j < 0) {
                    j = i + 1;
                    while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || isDottedDigit(j))) {
                        j++;
                    }
                }
                add(i, j, text.substring(i, j).toLowerCase(Locale.ROOT));
                i = j;
            } else if (c == '\'' || c == '\u2019') {
                if (i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                        && (i + 2 == n || !Character.isLetterOrDigit(text.charAt(i + 2)))
                        && size > 0 && end[size - 1] == i) {
                    add(i, i + 2, POSSESSIVE);
                    i += 2;
                } else {
                    i++;
                }
            } else if (Character.isWhitespace(c) || isSeparator(c)) {
                i++;
            } else {
                add(i, i + 1, String.valueOf(c));
                i++;
            }
        }
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013' || c == '\u2014' || c == '/'
                || c == '"' || c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u00ad' || c == '*'
                || c == '_' || c == '`';
    }

    /** "T1566.001", "3.5": a dot between digits does not end the token. */
    private boolean isDottedDigit(int j) {
        return text.charAt(j) == '.' && j + 1 < text.length() && Character.isDigit(text.charAt(j + 1))
                && Character.isDigit(text.charAt(j - 1));
    }

    /** End of a dotted abbreviation of single capitals ("U.S.", "P.R.C."), or -1. */
    private int abbreviationEnd(int i) {
        int k = i;
        int n = text.length();
        while (k + 1 < n && Character.isUpperCase(text.charAt(k)) && text.charAt(k + 1) == '.') {
            k += 2;
        }
        boolean twoLetters = k - i >= 4;
        return twoLetters && (k == n || !Character.isLetterOrDigit(text.charAt(k))) ? k : -1;
    }

    private void add(int s, int e, String low) {
        if (size == start.length) {
            int capacity = size * 2;
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            lower = Arrays.copyOf(lower, capacity);
        }
        start[size] = s;
        end[size] = e;
        lower[size] = low;
        size++;
    }
}
