package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> words(Tokens t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.original(i));
        }
        return out;
    }

    @Test
    void dropsHyphensAndQuotesButKeepsPunctuation() {
        Tokens t = Tokens.of("Kremlin-backed \"hackers\" struck, again.", new Vocabulary());

        assertThat(words(t)).containsExactly("Kremlin", "backed", "hackers", "struck", ",", "again", ".");
    }

    @Test
    void keepsDottedAbbreviationsAndTechniqueIdsWhole() {
        Tokens t = Tokens.of("The U.S. saw T1566.001 in 2.5 days.", new Vocabulary());

        assertThat(words(t)).containsExactly("The", "U.S.", "saw", "T1566.001", "in", "2.5", "days", ".");
    }

    @Test
    void makesPossessivesTheirOwnTokenWithEitherApostrophe() {
        Vocabulary vocabulary = new Vocabulary();
        int possessive = vocabulary.add(Tokens.POSSESSIVE);

        Tokens t = Tokens.of("Japan\u2019s and Iran's", vocabulary);

        assertThat(words(t)).containsExactly("Japan", "\u2019s", "and", "Iran", "'s");
        assertThat(t.id(1)).isEqualTo(possessive);
        assertThat(t.id(4)).isEqualTo(possessive);
    }

    @Test
    void readsALonePossessiveCuePhraseAsThePossessive() {
        Vocabulary vocabulary = new Vocabulary();

        Tokens t = Tokens.ofPhrase("'s", vocabulary);

        assertThat(t.size()).isEqualTo(1);
        assertThat(t.id(0)).isEqualTo(vocabulary.add(Tokens.POSSESSIVE));
    }

    @Test
    void recordsOffsetsIntoTheText() {
        Tokens t = Tokens.of("Hi  there", new Vocabulary());

        assertThat(t.start(1)).isEqualTo(4);
        assertThat(t.end(1)).isEqualTo(9);
    }

    @Test
    void findsVocabularyIdsIgnoringCase() {
        Vocabulary vocabulary = new Vocabulary();
        int hackers = vocabulary.add("hackers");

        Tokens t = Tokens.of("HACKERS and Hackers", vocabulary);

        assertThat(t.id(0)).isEqualTo(hackers);
        assertThat(t.id(1)).isEqualTo(Vocabulary.UNKNOWN);
        assertThat(t.id(2)).isEqualTo(hackers);
    }

    @Test
    void listsTheTokensAGazetteerPhraseStartsWith() {
        Vocabulary vocabulary = new Vocabulary();
        new PhraseMatcher<String>(vocabulary).add("cyber espionage", "term");

        Tokens t = Tokens.of("Espionage, cyber espionage and Cyber news", vocabulary);

        // "espionage" is a vocabulary word, but no phrase starts with it.
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < t.phraseStartCount(); k++) {
            starts.add(t.phraseStart(k));
        }
        assertThat(starts).containsExactly(2, 5);
    }

    @Test
    void cutsWordsAsTheRegexOfLettersDigitsDottedNumbersAndAbbreviationsWould() {
        // A Han, Kana or Hangul character is a word of its own.
        String cjk = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\u1100-\\u11ff\\u3130-\\u318f\\uf900-\\ufaff"
                + "\\uff66-\\uff9f\\u3005\\u3006";
        String letter = "[[\\p{L}\\p{Nd}]&&[^" + cjk + "]]";
        Pattern word = Pattern.compile("(?=[\\p{L}\\p{Nd}])(?:\\p{IsUppercase}\\.){2,}+(?![\\p{L}\\p{Nd}])|[" + cjk + "]|"
                + letter + "(?:" + letter + "|(?<=\\p{Nd})\\.(?=\\p{Nd}))*");
        Random random = new Random(7);
        String alphabet = "aZU9.. ,-\n\u00e9\u00df\u0416\u4e2d\u30fc\uac00\u0661\u00b2\u00bd\u2162\u0130\u212a\u2014";
        for (int n = 0; n < 2000; n++) {
            String text = randomText(random, alphabet, 60);
            List<String> expected = word.matcher(text).results().map(MatchResult::group).toList();

            Tokens t = Tokens.of(text, new Vocabulary());

            List<String> words = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.isWord(i)) {
                    words.add(t.original(i));
                }
            }
            assertThat(words).as("words of %s", text).isEqualTo(expected);
        }
    }

    @Test
    void givesEachTokenTheIdOfItsLowerCasedTextOnAnyText() {
        Random random = new Random(11);
        // Long words (past the 9 characters a packed key holds), capitals, letters beyond ASCII, "\u0130" and the
        // Kelvin sign, which lower-case to ASCII, dotted numbers, possessives and punctuation.
        String alphabet = "aaBk1.. ,'\u2019s-\u00e9\u00c9\u0416\u0130\u212a\u0661";
        for (int n = 0; n < 2000; n++) {
            String text = randomText(random, alphabet, 80);
            Vocabulary vocabulary = new Vocabulary();
            Map<String, Integer> reference = new HashMap<>();
            reference.put(Tokens.POSSESSIVE, vocabulary.add(Tokens.POSSESSIVE));
            List<String> written = words(Tokens.of(text, vocabulary));
            for (int i = 0; i < written.size(); i += 2) {
                String lower = Tokens.lowerCase(written.get(i), 0, written.get(i).length());
                reference.put(lower, vocabulary.add(lower));
            }

            Tokens t = Tokens.of(text, vocabulary);

            for (int i = 0; i < t.size(); i++) {
                String lower = Tokens.lowerCase(t.original(i), 0, t.original(i).length());
                boolean possessive = lower.equals(Tokens.POSSESSIVE) || lower.equals("\u2019s");
                int expected = reference.getOrDefault(possessive ? Tokens.POSSESSIVE : lower, Vocabulary.UNKNOWN);
                assertThat(t.id(i)).as("id of %s in %s", t.original(i), text).isEqualTo(expected);
            }
        }
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(maxLength); k > 0; k--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
