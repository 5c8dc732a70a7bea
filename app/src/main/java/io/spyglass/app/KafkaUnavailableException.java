package io.spyglass.app;

/** The Kafka cluster Spyglass was pointed at does not answer. */
final class KafkaUnavailableException extends RuntimeException {
    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
