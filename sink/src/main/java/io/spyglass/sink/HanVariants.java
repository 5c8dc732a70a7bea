package io.spyglass.sink;

import io.spyglass.model.BundledFile;

/**
 * Han characters written as simplified Chinese writes them, for comparing reports across Traditional Chinese,
 * Simplified Chinese and Japanese: 微軟 and 微软, 網絡 and 网络, the Japanese 武漢 and 監視 and the Chinese 武汉 and
 * 监视. One character for one character (a table, {@code han-variants.tsv}, from OpenCC's character conversions), so
 * text keeps its length and every other character is left as it is.
 */
final class HanVariants {
    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9fff;
    private static final char[] SIMPLIFIED = load();

    private HanVariants() {
    }

    /** The simplified form of a Han character; {@code c} itself when it has no other form, or is no Han character. */
    static char simplified(char c) {
        if (c < FIRST || c > LAST) {
            return c;
        }
        char s = SIMPLIFIED[c - FIRST];
        return s == 0 ? c : s;
    }

    /** {@code text} with each Han character in its simplified form; the same string when none changes. */
    static String simplify(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char s = simplified(c);
            if (s != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? text : new String(out);
    }

    private static char[] load() {
        char[] table = new char[LAST - FIRST + 1];
        for (String line : BundledFile.lines(HanVariants.class, "han-variants.tsv")) {
            char from = line.charAt(0);
            if (line.length() != 3 || line.charAt(1) != '\t' || from < FIRST || from > LAST) {
                throw new IllegalStateException("han-variants.tsv: not a character, a tab and a character: " + line);
            }
            table[from - FIRST] = line.charAt(2);
        }
        return table;
    }
}
