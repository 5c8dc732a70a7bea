package io.spyglass.ingest.seen;

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

    // https://github.com/spyglass-news/spyglass/issues/17: the marks were held for good
    @Test
    void forgetsTheMarksWrittenBeforeACutAndKeepsTheRest() {
        SeenIds seen = new SeenIds();
        long day = 86_400_000L;
        for (int i = 0; i < 3_000; i++) {
            seen.put(CanonicalUrl.id("https://example.com/" + i), state(i), (i % 3) * day);
        }

        int forgotten = seen.forgetBefore(day);

        assertThat(forgotten).isEqualTo(1_000);
        assertThat(seen.size()).isEqualTo(2_000);
        assertThat(seen.get(CanonicalUrl.id("https://example.com/0"))).isNull();
        assertThat(seen.get(CanonicalUrl.id("https://example.com/1"))).isEqualTo(state(1));
        assertThat(seen.writtenAt(CanonicalUrl.id("https://example.com/2"))).isEqualTo(2 * day);
        assertThat(seen.writtenAt(CanonicalUrl.id("https://example.com/3"))).isEqualTo(-1);
        seen.put(CanonicalUrl.id("https://example.com/0"), state(0), 3 * day);
        assertThat(seen.size()).as("the table still takes new ids").isEqualTo(2_001);
    }
}
