package io.spyglass.app.health;

/** The health and metrics endpoint cannot listen where the configuration says, typically because the port is taken. */
public final class EndpointUnavailableException extends RuntimeException {
    EndpointUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
