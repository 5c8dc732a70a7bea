package io.spyglass.app.health;

import java.util.Objects;

/**
 * What one stage reports at one moment.
 *
 * @param state  the stage's state by name: its Kafka Streams client's state for enrich and sink
 * @param ready  true when the stage does its work now
 * @param failed true when it has stopped for good and only a restart helps
 * @param reason why the stage is not ready, for a person reading the health check; null when there is nothing to say
 */
public record StageStatus(String state, boolean ready, boolean failed, String reason) {
    public StageStatus {
        Objects.requireNonNull(state, "state");
        if (ready && failed) {
            throw new IllegalArgumentException("ready: a failed stage is never ready (" + state + ")");
        }
    }

    /** A status with no reason given. */
    public StageStatus(String state, boolean ready, boolean failed) {
        this(state, ready, failed, null);
    }
}
