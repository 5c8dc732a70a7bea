package io.spyglass.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures from src/test/resources, loaded by name. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The bytes of {@code feeds/<name>}. */
    public static byte[] feed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture feeds/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
