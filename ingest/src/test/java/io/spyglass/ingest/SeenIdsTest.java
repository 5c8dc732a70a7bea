package io.spyglass.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void remembersIdsAcrossGrowth() {
        SeenIds seen = new SeenIds();
        for (int i = 0; i < 5_000; i++) {
            assertThat(seen.add(CanonicalUrl.id("https://example.com/" + i))).isTrue();
        }

        assertThat(seen.size()).isEqualTo(5_000);
        assertThat(seen.contains(CanonicalUrl.id("https://example.com/0"))).isTrue();
        assertThat(seen.contains(CanonicalUrl.id("https://example.com/4999"))).isTrue();
        assertThat(seen.contains(CanonicalUrl.id("https://example.com/5000"))).isFalse();
    }

    @Test
    void addsAnIdOnlyOnce() {
        SeenIds seen = new SeenIds();
        String id = CanonicalUrl.id("https://example.com/a");

        assertThat(seen.add(id)).isTrue();
        assertThat(seen.add(id)).isFalse();
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
        seen.add("not-an-id");

        assertThat(seen.contains("not-an-id")).isTrue();
        assertThat(seen.contains("another")).isFalse();
        assertThat(SeenIds.key("abc")).isEqualTo(SeenIds.key(CanonicalUrl.sha256("abc")));
    }
}
