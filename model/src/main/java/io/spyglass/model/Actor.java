package io.spyglass.model;

import java.util.Objects;

/**
 * A named threat actor, normalised through its aliases.
 *
 * @param name    canonical name (e.g. "APT28" for Fancy Bear, Sofacy, Forest Blizzard); never null
 * @param country ISO 3166-1 alpha-2 code of the state it is publicly tied to, or null
 */
public record Actor(String name, String country) {
    public Actor {
        Objects.requireNonNull(name, "name");
    }
}
