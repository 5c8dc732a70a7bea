package io.spyglass.enrich.tag;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.spyglass.model.Scripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language of an article: what an n-gram detector (Optimaize, 71 languages) reads in its text, checked against
 * what the page declares. Thread-safe; the profiles load once, on first use.
 */
public final class Language {
    /** The code of a language that cannot be told. */
    public static final String UNDETERMINED = "und";
    // The detector reads this much of an article: enough to be sure, and a long article costs no more than a short.
    static final int SAMPLE_CHARS = 600;
    // Below this many letters a text is too short to tell (a title alone, a caption).
    static final int MIN_LETTERS = 20;
    // The detector's probability from which it overrides a declared language, and below which it is unsure.
    static final double SURE = 0.90;
    private static final Pattern DECLARED = Pattern.compile("([a-zA-Z]{2,3})(?:[-_].*)?");

    private Language() {
    }

    /**
     * The ISO 639-1 code of the article's language, or {@link #UNDETERMINED}. The detector decides when it is sure;
     * when it is not, the declared language does; with neither, the answer is {@code und}. Never null.
     *
     * @param title    the title, may be null
     * @param text     the main text, may be null
     * @param declared what the page or feed declares ("ja", "de-DE", "zh_Hant", "fr-FR"), may be null or blank
     */
    public static String detect(String title, String text, String declared) {
        String claimed = normalise(declared);
        String sample = sample(title, text);
        Scripts scripts = Scripts.count(sample);
        if (scripts.letters() < MIN_LETTERS) {
            return claimed;
        }
        String byScript = scripts.cjkLanguage();
        if (byScript != null) {
            return byScript;
        }
        Map<String, Double> byLanguage = new HashMap<>();
        for (DetectedLanguage d : Holder.DETECTOR.getProbabilities(Holder.TEXTS.forText(sample))) {
            byLanguage.merge(d.getLocale().getLanguage(), d.getProbability(), Double::sum);
        }
        Map.Entry<String, Double> best = byLanguage.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        if (best == null) {
            return claimed;
        }
        if (best.getValue() >= SURE || claimed.equals(UNDETERMINED) && best.getValue() >= 0.5) {
            return best.getKey();
        }
        return claimed;
    }

    /** A declared language as an ISO 639-1 code ("de-DE" to "de"), or {@link #UNDETERMINED}. */
    static String normalise(String declared) {
        if (declared == null) {
            return UNDETERMINED;
        }
        var m = DECLARED.matcher(declared.strip());
        if (!m.matches()) {
            return UNDETERMINED;
        }
        String code = m.group(1).toLowerCase(Locale.ROOT);
        return switch (code) {
            case "jpn" -> "ja";
            case "zho", "chi", "cmn" -> "zh";
            case "kor" -> "ko";
            case "rus" -> "ru";
            case "deu", "ger" -> "de";
            case "fra", "fre" -> "fr";
            case "eng" -> "en";
            default -> code.length() == 2 ? code : UNDETERMINED;
        };
    }

    private static String sample(String title, String text) {
        String all = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        return all.length() <= SAMPLE_CHARS ? all : all.substring(0, SAMPLE_CHARS);
    }

    // Loaded on first use: a tagger that is only handed declared languages never reads the profiles.
    private static final class Holder {
        static final LanguageDetector DETECTOR = load();
        static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingOnLargeText();

        private static LanguageDetector load() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the language detector's bundled profiles", e);
            }
        }
    }
}
