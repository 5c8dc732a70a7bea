package io.spyglass.ingest;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The set of article ids ingest has produced, kept as the first 64 bits of each SHA-256 id in an open-addressing
 * table: 16 to 32 bytes an id instead of about 150 for a set of strings, so months of ids from thousands of feeds fit
 * in a small heap. Any two ids collide with odds of about n²/2⁶⁵ (1 in 370,000 at ten million ids), and the price of a
 * collision is one article not fetched. Thread-safe.
 */
public final class SeenIds {
    private static final long EMPTY = 0;
    private long[] table = new long[1 << 10];
    private int size;

    /** Adds {@code id}; true if it was not there yet. */
    public synchronized boolean add(String id) {
        long key = key(id);
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        if (!insert(table, key)) {
            return false;
        }
        size++;
        return true;
    }

    /** True if {@code id} was added. */
    public synchronized boolean contains(String id) {
        long key = key(id);
        int mask = table.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                return false;
            }
            if (table[i] == key) {
                return true;
            }
        }
    }

    /** Ids added. */
    public synchronized int size() {
        return size;
    }

    private static boolean insert(long[] into, long key) {
        int mask = into.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (into[i] == key) {
                return false;
            }
            if (into[i] == EMPTY) {
                into[i] = key;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        Arrays.stream(old).filter(k -> k != EMPTY).forEach(k -> insert(bigger, k));
        table = bigger;
    }

    private static int slot(long key, int mask) {
        // the key is already a hash; fold its high bits in so small tables use them too
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** The first 64 bits of a hex SHA-256 id; any other string is hashed first, so odd keys still work. */
    static long key(String id) {
        String hex = isHexId(id) ? id : CanonicalUrl.sha256(id);
        long key = HexFormat.fromHexDigitsToLong(hex, 0, 16);
        return key == EMPTY ? 1 : key;
    }

    private static boolean isHexId(String id) {
        if (id.length() != 64) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            if (Character.digit(id.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
