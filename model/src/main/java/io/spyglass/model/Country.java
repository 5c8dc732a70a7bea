package io.spyglass.model;

import java.util.Objects;

/**
 * A country as ISO 3166-1.
 *
 * @param code alpha-2 code, upper case; never null
 * @param name English short name; never null
 */
public record Country(String code, String name) {
    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
