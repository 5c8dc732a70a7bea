package io.spyglass.model.settings;

import io.spyglass.model.BundledFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One configuration key: its dotted name in {@code config/spyglass.yaml}, its environment variable, its default (the
 * only place the default is written) and what it means, as the README's configuration table shows it.
 *
 * @param key          dotted name, e.g. {@code fetch.timeout}
 * @param env          environment variable, e.g. {@code SPYGLASS_FETCH_TIMEOUT}
 * @param defaultValue the default as text, parsed like any other value; empty for none
 * @param meaning      one line for the README
 */
public record Key(String key, String env, String defaultValue, String meaning) {
    public Key {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(meaning, "meaning");
    }

    /**
     * The keys of the table {@code resource} next to {@code owner}: one key a line, {@code key | env | default | meaning};
     * blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalStateException when the table is missing or a line is malformed (a build error)
     */
    public static List<Key> table(Class<?> owner, String resource) {
        List<Key> keys = new ArrayList<>();
        for (String line : BundledFile.lines(owner, resource)) {
            String[] cells = line.split("\\|", 4);
            if (cells.length != 4) {
                throw new IllegalStateException(resource + ": expected key | env | default | meaning: " + line);
            }
            keys.add(new Key(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
        }
        return List.copyOf(keys);
    }
}
