package io.spyglass.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A stage's running counts, one per constant of its enum, safe to add to and read from any thread. The health
 * endpoint exports each constant as {@code spyglass_<stage>_<constant in lower case>_total}, so a constant's name is
 * part of the metrics contract: rename one only with the dashboards that read it.
 *
 * @param <E> what the stage counts
 */
public class Counts<E extends Enum<E>> {
    private final Class<E> kind;
    private final AtomicLongArray values;

    protected Counts(Class<E> kind) {
        this.kind = kind;
        this.values = new AtomicLongArray(kind.getEnumConstants().length);
    }

    public final void add(E what) {
        values.incrementAndGet(what.ordinal());
    }

    public final long get(E what) {
        return values.get(what.ordinal());
    }

    /** Every counter and its value now, in the enum's order. */
    public final Map<E, Long> snapshot() {
        Map<E, Long> values = new EnumMap<>(kind);
        for (E what : kind.getEnumConstants()) {
            values.put(what, get(what));
        }
        return values;
    }
}
