package io.spyglass.ingest.poll;

import io.spyglass.ingest.feed.FeedItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Pure functions that apply {@link ItemLimits}. */
final class Limits {
    private Limits() {
    }

    /**
     * {@code items} in the order a capped poll takes them: by publication time, newest first, items without a date after
     * those with one; items with equal or no dates keep their document order.
     */
    static List<FeedItem> newestFirst(List<FeedItem> items) {
        Comparator<Integer> byDate = Comparator.comparing((Integer i) -> items.get(i).published(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        return IntStream.range(0, items.size()).boxed().sorted(byDate.thenComparing(Comparator.naturalOrder()))
                .map(items::get).toList();
    }

    /**
     * {@code text} cut to at most {@code maxBytes} bytes of UTF-8, at a code point boundary; {@code text} itself when it
     * fits.
     */
    static String truncateUtf8(String text, int maxBytes) {
        // a char is at most 3 bytes of UTF-8 (a surrogate pair 4 for 2): most texts are decided without encoding
        if ((long) text.length() * 3 <= maxBytes) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        // back off continuation bytes (10xxxxxx) to the first byte of the code point the cap falls in
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Bytes of {@code text} in UTF-8. */
    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
