package io.spyglass.ingest.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormaliserTest {

    @Test
    void collapsesEveryKindOfWhitespace() {
        assertThat(TextNormaliser.collapse("  state\u00A0backed \n\t group\u2009said\u3000so  ")).isEqualTo("state backed group said so");
    }

    @Test
    void dropsSoftHyphensAndZeroWidthCharacters() {
        assertThat(TextNormaliser.collapse("Klima\u00ADwandel\u200B und Spio\u00ADnage\uFEFF")).isEqualTo("Klimawandel und Spionage");
    }

    @Test
    void measuresTheCollapsedLengthWithoutBuildingIt() {
        String text = "  a\u00A0 b\u00AD c";

        assertThat(TextNormaliser.collapsedLength(text)).isEqualTo(5);
    }
}
