package io.spyglass.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DateParserTest {

    @ParameterizedTest
    @CsvSource({
            "2026-03-03T10:15:00+01:00, 2026-03-03T09:15:00Z",
            "2026-03-03T10:15:00+0100, 2026-03-03T09:15:00Z",
            "2026-03-03T10:15:00.123Z, 2026-03-03T10:15:00.123Z",
            "2026-03-03 10:15:00, 2026-03-03T10:15:00Z",
            "2026-03-03T10:15, 2026-03-03T10:15:00Z",
            "2026-03-03, 2026-03-03T00:00:00Z",
            "2026-03-03T10:15:00 GMT, 2026-03-03T10:15:00Z",
    })
    void parsesIsoForms(String text, String expected) {
        assertThat(DateParser.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "yesterday", "03.03.2026", "2026-13-45"})
    void returnsNullForAnythingElse(String text) {
        assertThat(DateParser.parse(text)).isNull();
    }
}
