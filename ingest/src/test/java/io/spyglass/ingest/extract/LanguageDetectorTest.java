package io.spyglass.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The group said that it was behind the attack and that it has more data from the ministry. | en",
            "Die Gruppe sagte, dass sie hinter dem Angriff steht und auch Daten aus dem Ministerium hat. | de",
            "Le groupe a dit que les données du ministère sont dans une archive sur le serveur. | fr",
            "El grupo dijo que los datos del ministerio están en una carpeta para la prensa. | es",
            "Grupa powiedziała, że nie jest to pierwszy atak na ministerstwo i że ma dane. | pl",
            "Группа заявила, что это не первая атака на министерство и что у неё есть данные. | ru",
            "攻撃グループは、省庁のデータを持っていると述べた。 | ja",
            "该组织表示，他们掌握了该部的数据。 | zh",
    })
    void recognisesTheLanguage(String text, String expected) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Breaking", "12345 67890", ""})
    void returnsNullForTooLittleText(String text) {
        assertThat(LanguageDetector.detect(text)).isNull();
    }
}
