package io.spyglass.ingest.seen;

import java.util.HexFormat;

/**
 * The article ids ingest has published, each with its {@link ItemState} and the minute its mark was written, kept as
 * the first 64 bits of each SHA-256 id in an open-addressing table of parallel arrays: 32 bytes a slot, 43 to 85 bytes
 * an id at the load factors kept,
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
    /** Minutes since 1970 when each mark was written. */
    private int[] written = new int[keys.length];
    private int size;

    /** Remembers {@code state} for {@code id}, replacing what was remembered, as written now. */
    public void put(String id, ItemState state) {
        put(id, state, System.currentTimeMillis());
    }

    /** Remembers {@code state} for {@code id}, replacing what was remembered, as written at {@code writtenMillis}. */
    public synchronized void put(String id, ItemState state, long writtenMillis) {
        // linear probing stays short up to three quarters full
        if ((size + 1) * 4L > keys.length * 3L) {
            grow(keys.length * 2);
        }
        if (insert(key(id), state.entries(), state.text(), state.revision(), minute(writtenMillis))) {
            size++;
        }
    }

    /** When {@code id}'s mark was written (to the minute, epoch milliseconds), or -1 if it was never put. */
    public synchronized long writtenAt(String id) {
        int i = find(key(id));
        return i < 0 ? -1 : written[i] * 60_000L;
    }

    /**
     * Forgets every id whose mark was written before {@code millis}, as the broker's retention deletes old marks from
     * the seen topic; returns how many. Rebuilds the table, so call it now and then, not per id.
     */
    public synchronized int forgetBefore(long millis) {
        int cut = minute(millis);
        int before = size;
        long[] oldKeys = keys;
        long[] oldEntries = entries;
        long[] oldTexts = texts;
        int[] oldRevisions = revisions;
        int[] oldWritten = written;
        int kept = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldWritten[i] >= cut) {
                kept++;
            }
        }
        int capacity = 1 << 10;
        while (kept * 4L > capacity * 3L) {
            capacity *= 2;
        }
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldWritten[i] >= cut) {
                insert(oldKeys[i], oldEntries[i], oldTexts[i], oldRevisions[i], oldWritten[i]);
                size++;
            }
        }
        return before - size;
    }

    private static int minute(long millis) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.floorDiv(millis, 60_000L)));
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                return -1;
            }
            if (keys[i] == key) {
                return i;
            }
        }
    }

    /** What is remembered of {@code id}, or null if it was never put. */
    public synchronized ItemState get(String id) {
        int i = find(key(id));
        return i < 0 ? null : new ItemState(entries[i], texts[i], revisions[i]);
    }

    /** Ids put. */
    public synchronized int size() {
        return size;
    }

    /** Stores the state at {@code key}'s slot; true if the key was not there yet. */
    private boolean insert(long key, long entry, long text, int revision, int minute) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY || keys[i] == key) {
                boolean added = keys[i] == EMPTY;
                keys[i] = key;
                entries[i] = entry;
                texts[i] = text;
                revisions[i] = revision;
                written[i] = minute;
                return added;
            }
        }
    }

    private void grow(int capacity) {
        long[] oldKeys = keys;
        long[] oldEntries = entries;
        long[] oldTexts = texts;
        int[] oldRevisions = revisions;
        int[] oldWritten = written;
        allocate(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldEntries[i], oldTexts[i], oldRevisions[i], oldWritten[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        entries = new long[capacity];
        texts = new long[capacity];
        revisions = new int[capacity];
        written = new int[capacity];
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
