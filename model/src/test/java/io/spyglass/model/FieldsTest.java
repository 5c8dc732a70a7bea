package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void namesTheFirstRequiredFieldThatIsNull() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Fields.required("id", "a1", "url", null, "feed", null));

        assertThat(e).hasMessage("url must not be null");
    }

    @Test
    void passesWhenEveryFieldHasAValue() {
        assertDoesNotThrow(() -> Fields.required("id", "a1", "url", "https://a.example/1"));
    }

    @Test
    void refusesANameWithoutItsValue() {
        assertThrows(IllegalArgumentException.class, () -> Fields.required("id", "a1", "url"));
    }

    @Test
    void aRecordSaysWhichFieldItLacks() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new Topics("a", "e", null, "d", "s", "f"));

        assertThat(e).hasMessage("espionage must not be null");
    }
}
