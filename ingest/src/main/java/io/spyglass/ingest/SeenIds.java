package io.spyglass.ingest;

import java.util.HexFormat;

/**
 * The article ids ingest has published, each with its {@link ItemState}, kept as the first 64 bits of each SHA-256 id
 * in an open-addressing table of parallel arrays: 28 bytes a slot, 37 to 75 bytes an id at the load factors kept,
 * instead of several hundred for a map of strings to records, so months of ids from thousands of feeds fit in a small
 * heap. Any two ids collide with odds of about n²/2⁶⁵ (1 in 370,000 at ten million ids), and the price of a collision
 * is one article not fetched. Thread-safe.
 */
public final class SeenIds {
    private static final long EMPTY = 0;
    private long[] keys = new long[1 << 10];
    private long[] entries = new long[keys.length];
    private long[] texts = new long[keys.length];
    private int[] revisions = new int[keys.length];
    private int size;

    /** Remembers {@code state} for {@code id}, replacing what was remembered. */
    public synchronized void put(String id, ItemState state) {
        // linear probing stays short up to three quarters full
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        if (insert(key(id), state.entries(), state.text(), state.revision())) {
            size++;
        }
    }

    /** What is remembered of {@code id}, or null if it was never put. */
    public synchronized ItemState get(String id) {
        long key = key(id);
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                return null;
            }
            if (keys[i] == key) {
                return new ItemState(entries[i], texts[i], revisions[i]);
            }
        }
    }

    /** Ids put. */
    public synchronized int size() {
        return size;
    }

    /** Stores the state at {@code key}'s slot; true if the key was not there yet. */
    private boolean insert(long key, long entry, long text, int revision) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY || keys[i] == key) {
                boolean added = keys[i] == EMPTY;
                keys[i] = key;
                entries[i] = entry;
                texts[i] = text;
                revisions[i] = revision;
                return added;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldEntries = entries;
        long[] oldTexts = texts;
        int[] oldRevisions = revisions;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        entries = new long[capacity];
        texts = new long[capacity];
        revisions = new int[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldEntries[i], oldTexts[i], oldRevisions[i]);
            }
        }
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
