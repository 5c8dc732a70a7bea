package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    @Test
    void takesNoNamesFromAHeadlineInTitleCase() {
        String text = "Britain's Dominic Raab said the NCSC found APT31 behind it.";

        assertThat(Fingerprints.titleCase("Chinese Regime Will Be Held Accountable, UK Warns")).isTrue();
        assertThat(Fingerprints.names("Chinese Regime Will Be Held Accountable, UK Warns", text))
                .containsExactly("britain", "dominic", "raab", "ncsc", "apt31");
        // in sentence case the headline's names count, and its other words are no names
        assertThat(Fingerprints.titleCase("UK warns China over systematic cyber sabotage")).isFalse();
        assertThat(Fingerprints.names("UK warns China over systematic cyber sabotage", text))
                .startsWith("china").contains("raab").doesNotContain("warns", "sabotage");
        // two words of four letters or more say nothing of a headline's case
        assertThat(Fingerprints.titleCase("Hacker Warns")).isFalse();
    }

    @Test
    void takesTheNamesOfACyrillicTextInLatinLettersFirst() {
        String cities = "Москва Киев Минск Рига Вильнюс Таллин Варшава Прага Берлин Париж Лондон Мадрид Рим Вена Берн Осло";
        String text = "Столицы " + cities + " обвинили фирму Acme в шпионаже.";

        // sixteen Cyrillic names come first in the text, the one every language writes alike last
        assertThat(Fingerprints.names("", text)).hasSize(Fingerprints.MAX_NAMES).startsWith("acme")
                .contains("moskva").doesNotContain("oslo");
        // a text in Latin letters keeps its names in the order found
        assertThat(Fingerprints.names("", "officials in Berlin and Paris blamed Acme.")).containsExactly("berlin", "paris", "acme");
    }
}
