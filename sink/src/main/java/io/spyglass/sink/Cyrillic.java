package io.spyglass.sink;

/**
 * Cyrillic written in Latin letters, for comparing the keywords and names of reports across scripts: "ГРУ" is
 * "gru", "Касперского" starts as "Kaspersky" does, "хакер" is the Polish and Serbian "haker". One letter for one
 * letter where it can be (х is h, as in Ukrainian and Serbian Latin), so words of one script keep apart as they were.
 */
final class Cyrillic {
    private static final String[] LATIN = new String[0x500 - 0x400];

    static {
        String lower = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        String[] latin = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                "t", "u", "f", "h", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
        for (int i = 0; i < lower.length(); i++) {
            LATIN[lower.charAt(i) - 0x400] = latin[i];
        }
        // ё, and the letters Ukrainian, Belarusian, Serbian and Macedonian add
        String more = "ёєіїґўђјљњћџѓќѕ";
        String[] moreLatin = {"e", "e", "i", "i", "g", "u", "dj", "j", "lj", "nj", "c", "dz", "g", "k", "dz"};
        for (int i = 0; i < more.length(); i++) {
            LATIN[more.charAt(i) - 0x400] = moreLatin[i];
        }
    }

    private Cyrillic() {
    }

    /** {@code word}, lower case, with its Cyrillic letters in Latin ones; the same string when it has none. */
    static String toLatin(String word) {
        StringBuilder out = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            String latin = c >= 0x400 && c < 0x500 ? LATIN[c - 0x400] : null;
            if (latin != null && out == null) {
                out = new StringBuilder(word.length() + 4).append(word, 0, i);
            }
            if (out != null) {
                out.append(latin != null ? latin : String.valueOf(c));
            }
        }
        return out == null ? word : out.toString();
    }
}
