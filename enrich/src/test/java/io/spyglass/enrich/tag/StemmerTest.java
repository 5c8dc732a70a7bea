package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemmerTest {
    @Test
    void inflectionsOfOneWordShareAStem() {
        Stemmer ru = Stemmer.forLanguage("ru");
        assertThat(ru.stem("россии")).isEqualTo(ru.stem("россия")).isEqualTo(ru.stem("россией"));
        Stemmer de = Stemmer.forLanguage("de");
        assertThat(de.stem("chinesischen")).isEqualTo(de.stem("chinesische")).isEqualTo(de.stem("chinesischer"));
        Stemmer fr = Stemmer.forLanguage("fr");
        assertThat(fr.stem("ministères")).isEqualTo(fr.stem("ministère"));
    }

    @Test
    void differentWordsKeepDifferentStems() {
        Stemmer de = Stemmer.forLanguage("de");
        assertThat(de.stem("china")).isNotEqualTo(de.stem("chinesisch"));
    }

    @Test
    void languagesWithoutAStemmerMatchWordsAsWritten() {
        assertThat(Stemmer.forLanguage("en")).isNull();
        assertThat(Stemmer.forLanguage("ja")).isNull();
    }
}
