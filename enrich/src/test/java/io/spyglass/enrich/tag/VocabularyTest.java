package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static int findWord(Vocabulary v, String word) {
        char[] cs = word.toCharArray();
        return v.findWord(cs, 0, cs.length, Vocabulary.key(cs, 0, cs.length));
    }

    @Test
    void lowerCasesEveryCharacterAsTheJdkDoes() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c)) {
                assertThat(Vocabulary.lower((char) c)).as("U+%04X", c).isEqualTo(Character.toLowerCase((char) c));
            }
        }
    }

    @Test
    void anInflectedFormFindsItsStemAgainAndAfterWordsAreAdded() {
        Vocabulary v = new Vocabulary(Stemmer.forLanguage("de"));
        int chinese = v.add("chinesische");

        for (int pass = 0; pass < 3; pass++) {
            assertThat(findWord(v, "chinesischen")).isEqualTo(chinese);
            assertThat(findWord(v, "Chinesischer")).isEqualTo(chinese);
            assertThat(findWord(v, "ministerium")).isEqualTo(Vocabulary.UNKNOWN);
        }
        // A word added after a lookup is found: the remembered "unknown" is forgotten.
        int ministry = v.add("ministerium");
        assertThat(findWord(v, "Ministeriums")).isEqualTo(ministry);
        assertThat(findWord(v, "chinesischen")).isEqualTo(chinese);
    }

    @Test
    void manyDistinctFormsAreAllFoundRight() {
        Vocabulary v = new Vocabulary(Stemmer.forLanguage("fr"));
        int id = v.add("réseau");
        for (int k = 0; k < 200_000; k++) {
            assertThat(findWord(v, "mot" + Integer.toString(k, 26).replaceAll("[0-9]", "x") + "é"))
                    .isEqualTo(Vocabulary.UNKNOWN);
        }
        assertThat(findWord(v, "réseaux")).isEqualTo(id);
    }
}
