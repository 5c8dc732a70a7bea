package io.spyglass.sink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The function words of a language (Lucene's default stop word lists), left out of a fingerprint's keywords: in German
 * "eine", "dass", "nach" pass the length rule of {@link Fingerprints#keywords} and took the keywords of every report.
 * In Japanese, a bigram of two hiragana is grammar (particles, verb endings: "して", "てい"), not a keyword.
 */
final class StopWords {
    /** By ISO 639-1 code, as enrich detects languages; built on first use. */
    private static final Map<String, Supplier<CharArraySet>> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", ArabicAnalyzer::getDefaultStopSet), Map.entry("bg", BulgarianAnalyzer::getDefaultStopSet),
            Map.entry("ca", CatalanAnalyzer::getDefaultStopSet), Map.entry("cs", CzechAnalyzer::getDefaultStopSet),
            Map.entry("da", DanishAnalyzer::getDefaultStopSet), Map.entry("de", GermanAnalyzer::getDefaultStopSet),
            Map.entry("el", GreekAnalyzer::getDefaultStopSet), Map.entry("en", () -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
            Map.entry("es", SpanishAnalyzer::getDefaultStopSet), Map.entry("fa", PersianAnalyzer::getDefaultStopSet),
            Map.entry("fi", FinnishAnalyzer::getDefaultStopSet), Map.entry("fr", FrenchAnalyzer::getDefaultStopSet),
            Map.entry("hu", HungarianAnalyzer::getDefaultStopSet), Map.entry("id", IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("it", ItalianAnalyzer::getDefaultStopSet), Map.entry("nl", DutchAnalyzer::getDefaultStopSet),
            Map.entry("no", NorwegianAnalyzer::getDefaultStopSet), Map.entry("pt", PortugueseAnalyzer::getDefaultStopSet),
            Map.entry("ro", RomanianAnalyzer::getDefaultStopSet), Map.entry("ru", RussianAnalyzer::getDefaultStopSet),
            Map.entry("sr", SerbianAnalyzer::getDefaultStopSet), Map.entry("sv", SwedishAnalyzer::getDefaultStopSet),
            Map.entry("tr", TurkishAnalyzer::getDefaultStopSet));
    private static final Map<String, CharArraySet> SETS = new ConcurrentHashMap<>();

    private StopWords() {
    }

    /** True when {@code bigram}, two CJK characters, is two hiragana: the particles and endings of Japanese. */
    static boolean isKana(String bigram) {
        return bigram.codePoints().allMatch(cp -> cp >= 0x3040 && cp <= 0x309f);
    }

    /**
     * Whether a lower-case word is a function word of {@code language}; never true for a language without a list.
     * Asked once per text, as it runs for every word of it.
     */
    static Predicate<String> of(String language) {
        Supplier<CharArraySet> list = BY_LANGUAGE.get(language);
        if (list == null) {
            return word -> false;
        }
        CharArraySet set = SETS.computeIfAbsent(language, l -> list.get());
        if (!language.equals("de")) {
            return set::contains;
        }
        // Lucene's German list has the spelling before 1996 ("daß", "muß"), news the one after ("dass", "muss")
        return word -> set.contains(word) || (word.contains("ss") && set.contains(word.replace("ss", "\u00df")));
    }
}
