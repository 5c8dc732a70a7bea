package io.spyglass.ingest.seen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ItemStateTest {
    private static final long ENTRY_A = 0x0123_4567_89ab_cdefL;
    private static final long ENTRY_B = 0x7edc_ba98_7654_3210L;

    @Test
    void knowsTheEntryItWasFirstPublishedUnderAndNotAnother() {
        ItemState state = ItemState.first(ENTRY_A, 42);

        assertThat(state.knows(ENTRY_A)).isTrue();
        assertThat(state.knows(ENTRY_B)).isFalse();
        assertThat(state.revision()).isEqualTo(1);
        assertThat(state.text()).isEqualTo(42);
    }

    @Test
    void knowsEveryEntryMetUntilTheTextChanges() {
        ItemState both = ItemState.first(ENTRY_A, 42).withEntry(ENTRY_B);
        ItemState revised = both.revised(ENTRY_B, 43);

        assertThat(both.knows(ENTRY_A)).isTrue();
        assertThat(both.knows(ENTRY_B)).isTrue();
        assertThat(both.revision()).isEqualTo(1);
        assertThat(revised).isEqualTo(new ItemState(ItemState.first(ENTRY_B, 43).entries(), 43, 2));
        assertThat(revised.knows(ENTRY_A)).isFalse();
    }

    @Test
    void startsTheEntriesOverRatherThanFillUp() {
        long first = 0x9E37_79B9_7F4A_7C15L;
        ItemState state = ItemState.first(first, 42);
        for (long i = 2; i <= 50; i++) {
            long entry = i * first;
            state = state.withEntry(entry);

            assertThat(Long.bitCount(state.entries())).isLessThanOrEqualTo(ItemState.MAX_BITS);
            assertThat(state.knows(entry)).isTrue();
        }

        assertThat(state.knows(first)).isFalse();
    }

    @Test
    void roundTripsThroughTheSeenMarkValue() {
        ItemState state = new ItemState(0xfedc_ba98_7654_3210L, -5, 3);

        byte[] value = state.toBytes("https://news.example/a");

        assertThat(value).hasSize(21 + "https://news.example/a".length());
        assertThat(ItemState.fromBytes(value)).isEqualTo(state);
        assertThat(ItemState.url(value)).isEqualTo("https://news.example/a");
    }

    @Test
    void readsNoStateFromAValueItDidNotWrite() {
        assertThat(ItemState.fromBytes("https://news.example/a".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(ItemState.fromBytes(null)).isNull();
        assertThat(ItemState.fromBytes(new byte[0])).isNull();
    }

    @Test
    void rejectsRevisionZero() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ItemState(1, 1, 0));

        assertThat(e).hasMessage("revision must be at least 1: 0");
    }
}
