package io.spyglass.ingest.extract;

/** Whitespace normalisation shared by text rendering and metadata: runs of any Unicode space become one space. */
final class TextNormaliser {

    private TextNormaliser() {
    }

    /** The text with every run of whitespace (including no-break and zero-width spaces) as one space, trimmed. */
    static String collapse(CharSequence s) {
        var out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else if (!isInvisible(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Number of characters the text has once collapsed, computed without building it. */
    static int collapsedLength(CharSequence s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!space) {
                    n++;
                    space = true;
                }
            } else if (!isInvisible(c)) {
                n++;
                space = false;
            }
        }
        return n;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0' || c == '\u2007'
                || c == '\u202F' || c == '\u3000' || (c >= '\u2000' && c <= '\u200A') || c == '\u0085'
                || c == '\u2028' || c == '\u2029' || c == '\u000B';
    }

    /**
     * Invisible characters pages use for layout and hyphenation (zero-width space, word joiner, BOM, soft
     * hyphen); left in, they split words for every consumer that tokenises the text.
     */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }
}
