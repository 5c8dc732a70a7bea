package io.spyglass.app.health;

import java.util.Objects;

/**
 * What one stage reports at one moment.
 *
 * @param state  the stage's state by name: its Kafka Streams client's state for enrich and sink
 * @param ready  true when the stage does its work now
 * @param failed true when it has stopped for good and only a restart helps
 */
public record StageStatus(String state, boolean ready, boolean failed) {
    public StageStatus {
        Objects.requireNonNull(state, "state");
        if (ready && failed) {
            throw new IllegalArgumentException("ready: a failed stage is never ready (" + state + ")");
        }
    }
}
