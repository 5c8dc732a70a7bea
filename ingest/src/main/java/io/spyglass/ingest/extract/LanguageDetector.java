package io.spyglass.ingest.extract;

import io.spyglass.model.Scripts;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a text's language when the page declares none: writing system for scripts used by one main
 * language, else counts of very common words of the major European languages.
 */
final class LanguageDetector {

    private static final int SAMPLE_CHARS = 3000;
    private static final int MIN_HITS = 3;
    private static final Map<String, Set<String>> STOPWORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "are", "this", "have", "from"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auf", "für", "ein", "eine", "auch", "dem"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "sur", "du", "qui", "au"),
            "es", Set.of("el", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es", "se", "como", "más"),
            "it", Set.of("il", "di", "che", "e", "della", "per", "non", "sono", "gli", "una", "del", "nel", "alla", "è", "anche"),
            "pt", Set.of("o", "os", "que", "não", "uma", "com", "para", "do", "da", "em", "é", "dos", "das", "ao", "mais"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "dat", "op", "te", "zijn", "voor", "met", "ook", "wordt"),
            "pl", Set.of("i", "w", "nie", "na", "się", "z", "do", "jest", "że", "to", "jak", "ale", "od", "po", "przez"),
            "ru", Set.of("и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "к", "он", "для", "о", "от"));

    private LanguageDetector() {
    }

    /** ISO 639-1 code of the text's language, or null when there is too little text to tell. */
    static String detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        String byScript = Scripts.count(sample).language();
        if (byScript != null) {
            return byScript;
        }
        Map<String, Integer> hits = new HashMap<>();
        for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            for (var entry : STOPWORDS.entrySet()) {
                if (entry.getValue().contains(word)) {
                    hits.merge(entry.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestHits = MIN_HITS - 1;
        for (String lang : List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru")) {
            int n = hits.getOrDefault(lang, 0);
            if (n > bestHits) {
                best = lang;
                bestHits = n;
            }
        }
        return best;
    }
}
