package io.spyglass.model;

/**
 * The letters of a text counted by writing system, for the scripts that tell a language on their own. Ingest guesses
 * an undeclared page's language from them and enrich's detector trusts them over n-grams, which is both surer and
 * far cheaper for Japanese, Korean and Chinese.
 *
 * @param letters every letter, of any script
 */
public record Scripts(int letters, int han, int kana, int hangul, int arabic, int greek, int hebrew) {

    /** The letters of {@code text} by script. */
    public static Scripts count(CharSequence text) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int arabic = 0;
        int greek = 0;
        int hebrew = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(c)) {
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case HANGUL -> hangul++;
                case ARABIC -> arabic++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                default -> { }
            }
        }
        return new Scripts(letters, han, kana, hangul, arabic, greek, hebrew);
    }

    /**
     * "ja", "ko" or "zh" when the text is mostly CJK prose, else null. One CJK character carries about as much as a
     * word of four letters, so a text a quarter CJK is CJK prose with quotations (a Japanese report quoting an
     * English advisory). Hangul is Korean; Kana among Han is Japanese (Japanese prose without Kana does not occur);
     * Han alone is Chinese, Simplified or Traditional.
     */
    public String cjkLanguage() {
        int cjk = han + kana + hangul;
        if (letters == 0 || 4 * cjk < letters) {
            return null;
        }
        if (hangul >= kana && hangul >= han / 4) {
            return "ko";
        }
        return kana * 20 >= han ? "ja" : "zh";
    }

    /**
     * The language the scripts alone tell: {@link #cjkLanguage()}, else Greek or Hebrew, or Arabic (the likeliest
     * of the languages written in its script) when most letters are of that script; null when they cannot tell.
     */
    public String language() {
        String cjk = cjkLanguage();
        if (cjk != null) {
            return cjk;
        }
        if (2 * arabic > letters) {
            return "ar";
        }
        if (2 * greek > letters) {
            return "el";
        }
        return 2 * hebrew > letters ? "he" : null;
    }
}
