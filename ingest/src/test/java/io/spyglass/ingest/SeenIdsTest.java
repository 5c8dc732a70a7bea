package io.spyglass.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    private static ItemState state(int i) {
        return new ItemState(i, 1000L + i, 1 + i % 3);
    }

    @Test
    void remembersEachIdsStateAcrossGrowth() {
        SeenIds seen = new SeenIds();
        for (int i = 0; i < 5_000; i++) {
            seen.put(CanonicalUrl.id("https://example.com/" + i), state(i));
        }

        assertThat(seen.size()).isEqualTo(5_000);
        assertThat(seen.get(CanonicalUrl.id("https://example.com/0"))).isEqualTo(new ItemState(0, 1000, 1));
        assertThat(seen.get(CanonicalUrl.id("https://example.com/4999"))).isEqualTo(new ItemState(4999, 5999, 2));
        assertThat(seen.get(CanonicalUrl.id("https://example.com/5000"))).isNull();
    }

    @Test
    void replacesTheStateOfAnIdPutAgain() {
        SeenIds seen = new SeenIds();
        String id = CanonicalUrl.id("https://example.com/a");

        seen.put(id, new ItemState(7, 8, 1));
        seen.put(id, new ItemState(9, 10, 2));

        assertThat(seen.get(id)).isEqualTo(new ItemState(9, 10, 2));
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void keysAnIdByItsFirstSixtyFourBits() {
        assertThat(SeenIds.key("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(SeenIds.key("0000000000000000ffffffffffffffffffffffffffffffffffffffffffffffff")).isEqualTo(1L);
    }

    @Test
    void acceptsKeysThatAreNotHexIds() {
        SeenIds seen = new SeenIds();
        seen.put("not-an-id", state(1));

        assertThat(seen.get("not-an-id")).isEqualTo(state(1));
        assertThat(seen.get("another")).isNull();
        assertThat(SeenIds.key("abc")).isEqualTo(SeenIds.key(CanonicalUrl.sha256("abc")));
    }
}
