package io.spyglass.sink;

import io.spyglass.model.Actor;
import io.spyglass.model.Article;
import io.spyglass.model.Country;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the {@link Fingerprint} of an article: the SimHash of its text's word 3-shingles, its title terms, what the
 * tagger found, and the names, keywords and sounds of names in other scripts ({@link Sounds}) of its title and the
 * start of its text.
 */
final class Fingerprints {
    /** Names kept per fingerprint, from the title and the start of the text. */
    static final int MAX_NAMES = 16;
    /** Characters of a word a keyword keeps (a CJK bigram is kept whole). */
    static final int KEYWORD_PREFIX = 5;
    /** Keywords kept per fingerprint. */
    static final int MAX_KEYWORDS = 20;
    /** Title terms kept per fingerprint: a headline has far fewer; a feed's title can be a page of text. */
    static final int MAX_TITLE_TERMS = 48;
    private static final int NAME_SCAN_CHARS = 3000;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "into", "that", "this",
            "was", "were", "are", "has", "have", "had", "its", "their", "over", "after", "says", "say", "said", "new",
            "how", "why", "what", "who", "not", "but", "than", "about", "amid");
    /** Capitalised at the start of a sentence rather than names. */
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "those", "there", "they", "their",
            "and", "but", "for", "with", "from", "after", "before", "while", "when", "where", "which", "what", "who", "how",
            "its", "his", "her", "our", "according", "in", "on", "at", "by", "as", "an", "it", "we", "he", "she", "not",
            "also", "however", "since", "some", "many", "one", "two", "three", "last", "new", "now", "other", "all",
            "der", "die", "das", "und", "ein", "eine", "les", "des", "une", "pour", "dans", "avec", "selon");
    private static final Pattern NAME = Pattern.compile("\\b[\\p{IsLatin}\\p{IsCyrillic}][\\p{IsLatin}\\p{IsCyrillic}\\p{N}\\-]{2,}");

    private Fingerprints() {
    }

    /** The fingerprint of an article; never null. */
    static Fingerprint of(EnrichedArticle a) {
        Article article = a.article();
        // the words as ranges of the prepared text's UTF-8 bytes: no string per word
        byte[] text = Words.prepare(article.text() == null ? "" : article.text()).getBytes(StandardCharsets.UTF_8);
        int[] bounds = Words.wordBounds(text);
        int words = bounds.length / 2;
        // per bit of the hash, how many shingle hashes have it set: 64 counters kept bit-sliced (slice k holds bit k of
        // every counter), so adding a hash is a ripple carry of about two steps instead of 64 additions
        long[] slices = new long[32];
        int shingles = 0;
        for (int i = 0; i + 3 <= words; i++) {
            long carry = shingleHash(text, bounds, i);
            for (int k = 0; carry != 0; k++) {
                long next = slices[k] & carry;
                slices[k] ^= carry;
                carry = next;
            }
            shingles++;
        }
        long simhash = 0;
        for (int bit = 0; bit < 64; bit++) {
            long ones = 0;
            for (int k = 0; k < slices.length; k++) {
                ones |= ((slices[k] >>> bit) & 1L) << k;
            }
            if (2 * ones > shingles) { // set in more hashes than not
                simhash |= 1L << bit;
            }
        }
        String title = StoryRecords.title(a);
        Set<String> titleTerms = new LinkedHashSet<>();
        for (String w : Words.words(title)) {
            if (titleTerms.size() == MAX_TITLE_TERMS) {
                break;
            }
            if (Words.isCjk(w.codePointAt(0)) || (w.length() >= 3 && !STOP_WORDS.contains(w))) {
                titleTerms.add(w);
            }
        }
        Tags t = a.tags();
        Set<String> entities = new HashSet<>();
        t.malware().forEach(m -> entities.add(m.toLowerCase(Locale.ROOT)));
        t.cves().forEach(c -> entities.add(c.toLowerCase(Locale.ROOT)));
        return new Fingerprint(article.id(), time(a), simhash, shingles, titleTerms,
                collect(t.actors(), Actor::name), collect(t.attributed(), Country::code), collect(t.victims(), Country::code),
                article.revision(), article.language(), entities, names(title, article.text()), keywords(title, article.text(), article.language()),
                Sounds.ofOtherScripts(scanned(title, article.text())));
    }

    /**
     * The {@link #MAX_KEYWORDS} most frequent terms of a title and the start of a text: words of four or more
     * characters less the function words of the language ({@link StopWords}), in Latin letters ({@link Cyrillic}) and
     * cut to their first {@link #KEYWORD_PREFIX}, and CJK bigrams but those of two hiragana; ties go to the term found
     * first.
     */
    static Set<String> keywords(String title, String text, String language) {
        String scanned = scanned(title, text);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Predicate<String> stopWord = StopWords.of(language);
        for (String w : Words.words(scanned)) {
            if (Words.isCjk(w.codePointAt(0)) ? w.codePointCount(0, w.length()) == 2 && !StopWords.isKana(w)
                    : w.length() >= 4 && !STOP_WORDS.contains(w) && !stopWord.test(w)) {
                counts.merge(Words.isCjk(w.codePointAt(0)) ? w : prefix(Cyrillic.toLatin(w)), 1, Integer::sum);
            }
        }
        List<String> terms = new ArrayList<>(counts.keySet());
        // stable: among equal counts, the order found
        terms.sort(Comparator.comparing(counts::get).reversed());
        return new LinkedHashSet<>(terms.subList(0, Math.min(MAX_KEYWORDS, terms.size())));
    }

    /** A title and the start of a text: where a report says what its event is. */
    private static String scanned(String title, String text) {
        return title + "\n" + (text == null ? "" : text.substring(0, Math.min(text.length(), NAME_SCAN_CHARS)));
    }

    /**
     * The first {@link #KEYWORD_PREFIX} characters of a word: a stem for any language with inflections (Angriff,
     * Angriffe, Angriffs; хакеры, хакеров; hacker, hackers) that needs no word list.
     */
    static String prefix(String word) {
        int n = word.codePointCount(0, word.length());
        return n <= KEYWORD_PREFIX ? word : word.substring(0, word.offsetByCodePoints(0, KEYWORD_PREFIX));
    }

    /**
     * The Latin- and Cyrillic-script names of a title and the start of a text, lower case and in Latin letters
     * ({@link Cyrillic}): capitalised words, acronyms and words with digits, less words capitalised for starting a
     * sentence and the words of a headline in {@link #titleCase}; at most {@link #MAX_NAMES}, those in Latin letters
     * first, then first found first.
     */
    static Set<String> names(String title, String text) {
        // a headline in title case capitalises every word: its names are in the text too, its other words are none
        String scanned = (titleCase(title) ? "" : title + "\n")
                + (text == null ? "" : text.substring(0, Math.min(text.length(), NAME_SCAN_CHARS)));
        Set<String> out = new LinkedHashSet<>();
        // a Cyrillic text's words in Latin letters are names as every language writes them (Apple, Telegram, a quoted
        // Kaspersky), where its own capitalised words are as often a photo credit or a sentence's first word ("Фото",
        // "Якобы") that would take the places of the names other reports share
        addNames(scanned, true, out);
        addNames(scanned, false, out);
        return out;
    }

    private static void addNames(String scanned, boolean latin, Set<String> out) {
        Matcher m = NAME.matcher(scanned);
        while (m.find() && out.size() < MAX_NAMES) {
            String w = m.group();
            if ((Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.LATIN) != latin) {
                continue;
            }
            boolean capital = Character.isUpperCase(w.codePointAt(0));
            boolean digits = w.chars().anyMatch(Character::isDigit);
            String lower = w.toLowerCase(Locale.ROOT);
            if ((capital || digits) && !NOT_NAMES.contains(lower) && !lower.chars().allMatch(c -> Character.isDigit(c) || c == '-')) {
                out.add(Cyrillic.toLatin(lower));
            }
        }
    }

    /**
     * True when most of a title's words of four or more letters start with a capital, as English headlines in title
     * case write them ("Chinese Regime Will Be Held Accountable"); not for a German title, whose nouns are
     * capitalised, unless its verbs and adjectives are too.
     */
    static boolean titleCase(String title) {
        int words = 0;
        int capitalised = 0;
        for (String w : title.split("[^\\p{L}]+")) {
            if (w.length() >= 4) {
                words++;
                capitalised += Character.isUpperCase(w.codePointAt(0)) ? 1 : 0;
            }
        }
        return words >= 3 && 4 * capitalised >= 3 * words;
    }

    private static <T> Set<String> collect(List<T> items, Function<T, String> key) {
        Set<String> out = new HashSet<>();
        items.forEach(i -> out.add(key.apply(i)));
        return out;
    }

    /**
     * 64-bit FNV-1a of words {@code i}, {@code i + 1} and {@code i + 2} joined by spaces, in UTF-8 (stable across
     * JVMs, unlike String.hashCode's 32 bits which SimHash needs 64 of).
     */
    private static long shingleHash(byte[] text, int[] bounds, int i) {
        long h = 0xcbf29ce484222325L;
        for (int w = i; w < i + 3; w++) {
            if (w > i) {
                h = (h ^ ' ') * FNV_PRIME;
            }
            for (int k = bounds[2 * w]; k < bounds[2 * w + 1]; k++) {
                h = (h ^ (text[k] & 0xff)) * FNV_PRIME;
            }
        }
        return h;
    }

    private static Instant time(EnrichedArticle a) {
        return a.article().published() != null ? a.article().published() : a.article().fetched();
    }
}
