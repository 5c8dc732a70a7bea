package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompoundHeadsTest {
    private static final Vocabulary VOCABULARY = new Vocabulary();
    private static final CompoundHeads HEADS = new CompoundHeads(List.of("Unternehmen", "konzern", "konzerne"));

    @Test
    void aWordEndingWithAHeadAfterAModifierIsACompound() {
        Tokens t = Tokens.of("ein spanisches Luftfahrtunternehmen und der CHEMIEKONZERN", VOCABULARY);

        assertThat(HEADS.at(t, 2)).isEqualTo(1);
        assertThat(HEADS.at(t, 5)).isEqualTo(1);
        assertThat(HEADS.at(t, 1)).isZero();
    }

    @Test
    void theHeadAloneOrWithAShortPrefixIsNoCompound() {
        Tokens t = Tokens.of("Unternehmen Exkonzern", VOCABULARY);

        assertThat(HEADS.at(t, 0)).isZero();
        assertThat(HEADS.at(t, 1)).isZero();
        assertThat(HEADS.at(t, 7)).isZero();
    }

    @Test
    void aHyphenatedCompoundEndsWithItsLastPart() {
        Tokens t = Tokens.of("deutsche Dax-Konzerne und Dax - Konzerne", VOCABULARY);

        assertThat(HEADS.at(t, 1)).isEqualTo(2);
        assertThat(HEADS.at(t, 4)).isZero();
    }

    @Test
    void noHeadsMatchNothing() {
        Tokens t = Tokens.of("Luftfahrtunternehmen", VOCABULARY);

        assertThat(new CompoundHeads(List.of()).at(t, 0)).isZero();
    }
}
