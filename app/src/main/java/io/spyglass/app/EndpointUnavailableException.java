package io.spyglass.app;

/** The health and metrics endpoint cannot listen where the configuration says, typically because the port is taken. */
final class EndpointUnavailableException extends RuntimeException {
    EndpointUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
