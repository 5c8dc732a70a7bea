package io.spyglass.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.ingest.feed.FeedItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static FeedItem item(String path, String published) {
        return new FeedItem(URI.create("https://example.com/" + path), path, published == null ? null : Instant.parse(published),
                List.of(), "");
    }

    private static List<String> titles(List<FeedItem> items) {
        return items.stream().map(FeedItem::title).toList();
    }

    @Test
    void ordersItemsNewestFirstThenTheUndatedInDocumentOrder() {
        List<FeedItem> items = List.of(item("old", "2024-01-01T00:00:00Z"), item("undated-1", null),
                item("new", "2024-03-01T00:00:00Z"), item("mid", "2024-02-01T00:00:00Z"), item("undated-2", null),
                item("mid-too", "2024-02-01T00:00:00Z"));

        assertThat(titles(Limits.newestFirst(items))).containsExactly("new", "mid", "mid-too", "old", "undated-1", "undated-2");
    }

    @Test
    void keepsDocumentOrderWhenNoItemHasADate() {
        List<FeedItem> items = IntStream.range(0, 10).mapToObj(i -> item("i" + i, null)).toList();

        assertThat(Limits.newestFirst(items)).isEqualTo(items);
    }

    @Test
    void cutsTextAtACodePointBoundaryInUtf8Bytes() {
        // "é" is 2 bytes, "情" 3, the emoji 4 (a surrogate pair)
        String text = "aé情😀b";

        assertThat(Limits.truncateUtf8(text, 100)).isSameAs(text);
        assertThat(Limits.truncateUtf8(text, 11)).isEqualTo(text);
        assertThat(Limits.truncateUtf8(text, 10)).isEqualTo("aé情😀");
        assertThat(Limits.truncateUtf8(text, 9)).isEqualTo("aé情");
        assertThat(Limits.truncateUtf8(text, 7)).isEqualTo("aé情");
        assertThat(Limits.truncateUtf8(text, 5)).isEqualTo("aé");
        assertThat(Limits.truncateUtf8(text, 2)).isEqualTo("a");
        assertThat(Limits.truncateUtf8(text, 1)).isEqualTo("a");
    }

    @Test
    void cutsALongCjkTextToAtMostTheCap() {
        String text = "情報機関".repeat(100_000);

        String cut = Limits.truncateUtf8(text, 1000);

        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSize(999);
        assertThat(text).startsWith(cut);
    }
}
