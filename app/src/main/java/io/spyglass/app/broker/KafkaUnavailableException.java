package io.spyglass.app.broker;

import io.spyglass.app.Spyglass;

/** The Kafka cluster Spyglass was pointed at does not answer. */
public final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
