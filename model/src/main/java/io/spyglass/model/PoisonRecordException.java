package io.spyglass.model;

/**
 * A record a stage cannot process because of what it holds (unreadable, over the size limit, another major version,
 * against a business rule): the one failure that sends a record to the dead-letter topic. A failure of the stage's
 * own machinery (a state store, the broker) is never one of these: it fails the stage, to be retried.
 */
public final class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String reason) {
        super(reason);
    }

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** What is wrong with the record, as the dead-letter topic's {@link DeadLetter#ERROR} header says it; never null. */
    public String reason() {
        String message = getMessage();
        return message == null ? "unknown error" : message;
    }
}
