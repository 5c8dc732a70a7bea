package io.spyglass.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A data file bundled in a module's jar next to the class that reads it. */
public final class BundledFile {
    private BundledFile() {
    }

    /**
     * The lines of {@code resource} next to {@code owner}, stripped, without blank lines and lines starting with
     * {@code #}.
     *
     * @throws IllegalStateException when the file is missing (a build error)
     */
    public static List<String> lines(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No file " + resource + " next to " + owner.getName());
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(stripped);
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " next to " + owner.getName(), e);
        }
    }
}
