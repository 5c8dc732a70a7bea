package io.spyglass.sink;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a name sounds, for meeting a name written in Latin letters and the same name written in katakana, Hangul,
 * Arabic or Cyrillic letters (Microsoft, マイクロソフト, 마이크로소프트, مايكروسوفت, Майкрософт): its {@link #key}, the
 * classes of its consonants in order. Those scripts write a foreign name by its sound, with vowels of their own
 * (ma-i-ku-ro-so-fu-to) or none (m-y-k-r-w-s-w-f-t), so the consonants are what survives; and the inflections of a
 * name in Cyrillic ("Вашингтоне", "Вашингтона") and its transliterations ("Kasperskii", "Kaspersky") keep them too.
 */
final class Sounds {
    /** Consonant classes a key needs: a key of two ("sn", "kr") is the key of too many names to say which. */
    static final int MIN_KEY = 3;
    /**
     * Classes a key of a word in Arabic letters or Hangul needs: those scripts mark no names (no capitals, no script
     * of their own for foreign words), so every word of a text gives a key, and a short one meets some name by chance.
     */
    static final int MIN_UNMARKED_KEY = 4;
    /** Keys kept per text, first found first: the title and the start of the text name an event's actors. */
    static final int MAX_KEYS = 32;
    private static final char KATAKANA_FIRST = '\u30a1';
    /** ァ to ヺ, U+30A1 to U+30FA, in Latin letters. */
    private static final String KATAKANA_FIRST_TO_LAST = "ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノ"
            + "ハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヷヸヹヺ";
    private static final String[] KATAKANA_LATIN = {"a", "a", "i", "i", "u", "u", "e", "e", "o", "o", "ka", "ga", "ki",
            "gi", "ku", "gu", "ke", "ge", "ko", "go", "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", "ta", "da",
            "chi", "ji", "", "tsu", "zu", "te", "de", "to", "do", "na", "ni", "nu", "ne", "no", "ha", "ba", "pa", "hi", "bi",
            "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po", "ma", "mi", "mu", "me", "mo", "ya", "ya", "yu", "yu",
            "yo", "yo", "ra", "ri", "ru", "re", "ro", "wa", "wa", "i", "e", "o", "n", "vu", "ka", "ke", "va", "vi", "ve", "vo"};
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String ARABIC = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژڤکگی";
    private static final String[] ARABIC_LATIN = {"a", "a", "a", "u", "i", "i", "a", "b", "a", "t", "t", "j", "h", "k", "d",
            "z", "r", "z", "s", "sh", "s", "d", "t", "z", "a", "g", "f", "k", "k", "l", "m", "n", "h", "u", "a", "i", "p",
            "ch", "zh", "v", "k", "g", "i"};
    private static final char HANGUL_FIRST = '\uac00';
    private static final char HANGUL_LAST = '\ud7a3';
    /**
     * The letters of a Hangul syllable, first, middle and last, in Latin letters as {@link #key} reads them: ㄱ as
     * "k", as "g" before "i" would be soft; a last ㅅ, ㅈ, ㅊ as "t", as they sound and as loanwords write a final
     * t (인터넷, internet).
     */
    private static final String[] HANGUL_INITIAL = {"k", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
            "ch", "k", "t", "p", "h"};
    private static final String[] HANGUL_MEDIAL = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};
    private static final String[] HANGUL_FINAL = {"", "k", "k", "ks", "n", "nj", "n", "t", "l", "lk", "lm", "lb", "ls", "lt",
            "lp", "l", "m", "p", "ps", "t", "t", "n", "t", "t", "k", "t", "p", ""};
    /**
     * The particles that end a Korean word and have a consonant (a vowel is no part of a key): topic, subject, object,
     * "and", "also", "to", "from", "only", the plural, longest first.
     */
    private static final String[] HANGUL_PARTICLES = {"에서", "에게", "까지", "부터", "으로", "은", "는", "가", "을", "를", "과",
            "도", "로", "만", "들"};
    /** The article "al-" and the prepositions and conjunction written onto it ("wa-l-", "bi-l-", "li-l-"). */
    private static final String[] ARABIC_ARTICLES = {"وال", "بال", "فال", "كال", "لل", "ال"};

    static {
        if (KATAKANA_FIRST_TO_LAST.length() != KATAKANA_LATIN.length || KATAKANA_FIRST_TO_LAST.charAt(0) != KATAKANA_FIRST
                || KATAKANA_FIRST_TO_LAST.charAt(KATAKANA_LATIN.length - 1) != KATAKANA_FIRST + KATAKANA_LATIN.length - 1
                || ARABIC.length() != ARABIC_LATIN.length) {
            throw new IllegalStateException("a letter without its Latin letters");
        }
    }

    private Sounds() {
    }

    /**
     * The consonants of a word in Latin letters as classes: p (b, f, p, v), k (c, g, k, q), t (d, t), s (s, z, j, and
     * the "c" of "ce" and the "g" of "ge"), r (r, l, which Japanese and Korean do not tell apart), m and n, each run of
     * one class once; vowels, h, w and y are left out, and so is an r after a vowel and before a consonant or the end,
     * which English names do not sound and katakana does not write ("Fortinet", フォーティネット). Diacritics go.
     */
    static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        // most names are ASCII, and this runs for the names of every candidate a report in another script meets
        String s = lower.chars().allMatch(c -> c < 128) ? lower
                : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            char klass = switch (c) {
                case 'b', 'f', 'p', 'v' -> 'p';
                case 'k', 'q' -> 'k';
                case 'c' -> next == 'h' || next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
                case 'g' -> next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
                case 'x' -> 'x';
                case 'd', 't' -> 't';
                case 's', 'z', 'j' -> 's';
                case 'l' -> 'r';
                case 'r' -> i > 0 && isVowel(s.charAt(i - 1)) && !isVowel(next) ? ' ' : 'r';
                case 'm' -> 'm';
                case 'n' -> 'n';
                default -> ' ';
            };
            if (c == 'n' && next == 'g' && !(i + 2 < s.length() && "eiy".indexOf(s.charAt(i + 2)) >= 0)) {
                i++; // "ng" is n: Washington, ワシントン
            }
            if (klass == 'x') {
                append(out, 'k');
                append(out, 's');
            } else if (klass != ' ') {
                append(out, klass);
            }
        }
        return out.toString();
    }

    /**
     * The {@link #key}s of the words of {@code text} written in katakana (a run, split at "・": ワシントン・ポスト is
     * two), of its capitalised Cyrillic words ({@link Cyrillic}), both of at least {@link #MIN_KEY} classes, and of its
     * words in Arabic letters (less the article "al-") and in Hangul (less a particle), of at least
     * {@link #MIN_UNMARKED_KEY}; at most {@link #MAX_KEYS}, first found first.
     */
    static Set<String> ofOtherScripts(String text) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder katakana = new StringBuilder();
        StringBuilder cyrillic = new StringBuilder();
        StringBuilder arabic = new StringBuilder();
        StringBuilder hangul = new StringBuilder();
        for (int i = 0; i <= text.length() && out.size() < MAX_KEYS; i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            // each script's block is one or two comparisons, as this reads every character of a text
            if (c >= KATAKANA_FIRST && c < KATAKANA_FIRST + KATAKANA_LATIN.length) {
                katakana.append(KATAKANA_LATIN[c - KATAKANA_FIRST]);
            } else if (c != '\u30fc' && katakana.length() > 0) { // the long-vowel mark ー is part of the word
                add(out, katakana, MIN_KEY);
            }
            if (c >= '\u0400' && c < '\u0500') {
                cyrillic.append(c);
            } else if (cyrillic.length() > 0) {
                // a name: Cyrillic spells Latin names by their sound too ("Касперский", "Kaspersky")
                if (Character.isUpperCase(cyrillic.charAt(0))) {
                    cyrillic.replace(0, cyrillic.length(), Cyrillic.toLatin(cyrillic.toString().toLowerCase(Locale.ROOT)));
                    add(out, cyrillic, MIN_KEY);
                }
                cyrillic.setLength(0);
            }
            int letter = c >= '\u0621' && c <= '\u06cc' ? ARABIC.indexOf(c) : -1;
            if (letter >= 0) {
                arabic.append(c);
            } else if (arabic.length() > 0 && !isArabicMark(c)) {
                add(out, arabicInLatin(arabic), MIN_UNMARKED_KEY);
                arabic.setLength(0);
            }
            if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
                hangul.append(c);
            } else if (hangul.length() > 0) {
                add(out, hangulInLatin(hangul), MIN_UNMARKED_KEY);
                hangul.setLength(0);
            }
        }
        return out;
    }

    private static StringBuilder arabicInLatin(CharSequence word) {
        String w = word.toString();
        for (String article : ARABIC_ARTICLES) {
            if (w.startsWith(article) && w.length() > article.length() + 1) {
                w = w.substring(article.length());
                break;
            }
        }
        StringBuilder latin = new StringBuilder(w.length() * 2);
        w.chars().forEach(c -> latin.append(ARABIC_LATIN[ARABIC.indexOf(c)]));
        return latin;
    }

    /** A word of Hangul syllables, less a particle that ends it, by the letters of each syllable. */
    private static StringBuilder hangulInLatin(CharSequence word) {
        String w = word.toString();
        for (String particle : HANGUL_PARTICLES) {
            if (w.endsWith(particle) && w.length() > particle.length() + 1) {
                w = w.substring(0, w.length() - particle.length());
                break;
            }
        }
        StringBuilder latin = new StringBuilder(w.length() * 4);
        for (int i = 0; i < w.length(); i++) {
            int syllable = w.charAt(i) - HANGUL_FIRST;
            latin.append(HANGUL_INITIAL[syllable / (21 * 28)]).append(HANGUL_MEDIAL[syllable / 28 % 21])
                    .append(HANGUL_FINAL[syllable % 28]);
        }
        return latin;
    }

    private static void add(Set<String> out, StringBuilder latin, int minKey) {
        String key = key(latin.toString());
        latin.setLength(0);
        if (key.length() >= minKey) {
            out.add(key);
        }
    }

    /** The short vowels, shadda and tatweel written over, under or within an Arabic word. */
    private static boolean isArabicMark(char c) {
        return (c >= '\u064b' && c <= '\u065f') || c == '\u0640' || c == '\u0670';
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static void append(StringBuilder out, char klass) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != klass) {
            out.append(klass);
        }
    }
}
