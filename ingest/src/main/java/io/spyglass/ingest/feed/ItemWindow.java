package io.spyglass.ingest.feed;

/**
 * Which of a feed's items the parser builds, by their rank in newest-first order (by date, newest first, undated
 * items after dated ones, ties in document order): the first {@code head} ranks, the news, and {@code size} ranks
 * from {@code from} on, a slice of the backlog that later polls move through. Every other item is counted and not
 * built, so the memory a parse takes is bounded by {@code head + size} items, not by the feed.
 *
 * @param head ranks always read, at least 1
 * @param from first rank of the backlog slice, at least {@code head}
 * @param size ranks in the backlog slice, at least 0
 */
public record ItemWindow(int head, int from, int size) {
    /** No bound: every item is built. For callers that read trusted or small documents. */
    public static final ItemWindow ALL = new ItemWindow(Integer.MAX_VALUE, Integer.MAX_VALUE, 0);

    public ItemWindow {
        if (head < 1) {
            throw new IllegalArgumentException("head must be at least 1: " + head);
        }
        if (from < head) {
            throw new IllegalArgumentException("from must be at least head (" + head + "): " + from);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0: " + size);
        }
    }

    /** The newest {@code n} items and the {@code n} from rank {@code from} on. */
    public static ItemWindow of(int n, int from) {
        return new ItemWindow(n, Math.max(from, n), n);
    }

    /** Most items this window builds. */
    public long capacity() {
        return (long) head + size;
    }

    /** True when the item of newest-first rank {@code rank} is built. */
    boolean keeps(int rank) {
        return rank < head || (rank >= from && rank - from < size);
    }
}
