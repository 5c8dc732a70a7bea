package io.spyglass.ingest.seen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What ingest remembers of an item it published, to tell a changed article from one already seen: the feed entries it
 * was listed under, the fingerprint of the text last published, and that text's revision. This is the value of the
 * item's mark on the compacted seen topic.
 *
 * @param entries  a 64-bit Bloom filter of the {@link Fingerprints#entry entry fingerprints} met since the text last
 *                 changed, so that an article two feeds describe differently is not fetched again on every poll
 * @param text     {@link Fingerprints#text fingerprint} of the title and text last published
 * @param revision revision of the article last published, at least 1
 */
public record ItemState(long entries, long text, int revision) {
    static final byte FORMAT = 1;
    private static final int FIXED_BYTES = 1 + Long.BYTES + Long.BYTES + Integer.BYTES;
    /** Bits each entry sets in {@link #entries}: three keep a false match below 1 in 10,000 for one entry. */
    private static final int BITS_PER_ENTRY = 3;
    /**
     * Past this many bits set, a false match (a changed entry taken for a known one) would pass 1.5%, so the filter
     * starts again from the newest entry; an article listed under many different entries is then fetched again once.
     */
    static final int MAX_BITS = 16;

    public ItemState {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }

    /** The state of a newly published item: listed under {@code entry}, with text fingerprint {@code text}. */
    public static ItemState first(long entry, long text) {
        return new ItemState(bits(entry), text, 1);
    }

    /** True if an entry with this fingerprint was met since the text last changed (rarely true of one never met). */
    public boolean knows(long entry) {
        long bits = bits(entry);
        return (entries & bits) == bits;
    }

    /** This state with {@code entry} met too. */
    public ItemState withEntry(long entry) {
        long merged = entries | bits(entry);
        return new ItemState(Long.bitCount(merged) > MAX_BITS ? bits(entry) : merged, text, revision);
    }

    /** The state after publishing the next revision, with text fingerprint {@code newText}, found under {@code entry}. */
    public ItemState revised(long entry, long newText) {
        return new ItemState(bits(entry), newText, revision + 1);
    }

    private static long bits(long entry) {
        long bits = 0;
        for (int i = 0; i < BITS_PER_ENTRY; i++) {
            bits |= 1L << ((entry >>> (6 * i)) & 63);
        }
        return bits;
    }

    /** The seen mark's value: a format byte, the state, then the URL (for people reading the topic). */
    public byte[] toBytes(String url) {
        byte[] link = url.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(FIXED_BYTES + link.length)
                .put(FORMAT).putLong(entries).putLong(text).putInt(revision).put(link).array();
    }

    /** The state in a seen mark's value, or null for a value {@link #toBytes} did not write. */
    public static ItemState fromBytes(byte[] value) {
        if (value == null || value.length < FIXED_BYTES || value[0] != FORMAT) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(value, 1, FIXED_BYTES - 1);
        return new ItemState(b.getLong(), b.getLong(), b.getInt());
    }

    /** The URL a value written by {@link #toBytes} carries; for tests and tools. */
    static String url(byte[] value) {
        return new String(Arrays.copyOfRange(value, FIXED_BYTES, value.length), StandardCharsets.UTF_8);
    }
}
