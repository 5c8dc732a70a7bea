package io.spyglass.enrich;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the enrich topology did. */
public final class EnrichStats {
    final AtomicLong tagged = new AtomicLong();
    final AtomicLong espionage = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();

    public long tagged() {
        return tagged.get();
    }

    public long espionage() {
        return espionage.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }
}
