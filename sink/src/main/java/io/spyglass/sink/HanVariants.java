package io.spyglass.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        try (InputStream in = HanVariants.class.getResourceAsStream("han-variants.tsv")) {
            if (in == null) {
                throw new IllegalStateException("han-variants.tsv is missing from the sink's resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                char from = line.charAt(0);
                char to = line.charAt(2);
                if (line.length() != 3 || line.charAt(1) != '\t' || from < FIRST || from > LAST) {
                    throw new IllegalStateException("han-variants.tsv: not a character, a tab and a character: " + line);
                }
                table[from - FIRST] = to;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
