package io.spyglass.sink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the story clustering splits text into words: lower-case runs of letters and numbers, with runs in a CJK script
 * as overlapping character bigrams, as they have no spaces between words. Scans UTF-8 bytes, making no string per word.
 */
final class Words {
    private Words() {
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

    /**
     * Lower case, "Japan's" the same word as "Japan", and Han characters in their simplified forms
     * ({@link HanVariants}: 微軟 as 微软, the Japanese 武漢 as 武汉), for comparing reports.
     */
    static String prepare(String text) {
        return HanVariants.simplify(text.toLowerCase(Locale.ROOT).replace("'s", "").replace("\u2019s", ""));
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
}
