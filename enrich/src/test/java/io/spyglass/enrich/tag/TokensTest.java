package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
