package io.spyglass.enrich.tag;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * A language's Snowball stemmer, applied alike to article words and dictionary entries, so that an entry's base
 * form matches the inflected forms in a text ("Россия", "России"; "chinesische", "chinesischen"). Thread-safe:
 * Snowball's stemmers keep state, so each thread has its own, and stems of words already seen are cached.
 */
final class Stemmer {
    // Bounds the cache: a language's running text has far fewer distinct words; beyond it, words are stemmed anew.
    private static final int MAX_CACHED = 200_000;
    private static final Map<String, Supplier<SnowballStemmer>> BY_LANGUAGE = Map.of(
            "ru", RussianStemmer::new,
            "de", GermanStemmer::new,
            "fr", FrenchStemmer::new);

    private final String language;
    private final ThreadLocal<SnowballStemmer> stemmer;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private Stemmer(String language, Supplier<SnowballStemmer> factory) {
        this.language = language;
        this.stemmer = ThreadLocal.withInitial(factory);
    }

    /** The stemmer of an ISO 639-1 language, or null for a language whose words are matched as written. */
    static Stemmer forLanguage(String language) {
        Supplier<SnowballStemmer> factory = BY_LANGUAGE.get(language);
        return factory == null ? null : new Stemmer(language, factory);
    }

    /** The stem of a lower-cased word; never null. */
    String stem(String lower) {
        String cached = cache.get(lower);
        if (cached != null) {
            return cached;
        }
        SnowballStemmer s = stemmer.get();
        s.setCurrent(lower);
        s.stem();
        String stem = s.getCurrent();
        if (cache.size() < MAX_CACHED) {
            cache.put(lower, stem);
        }
        return stem;
    }

    @Override
    public String toString() {
        return "Snowball stemmer (" + language + ")";
    }
}
