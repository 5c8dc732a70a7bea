package io.spyglass.enrich.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the tagger's bundled data files from the class path. */
final class Resources {
    private Resources() {
    }

    static InputStream open(String name) {
        InputStream in = Resources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing bundled tagger resource " + name);
        }
        return in;
    }

    /**
     * The rows of a bundled tab-separated file without its header and "#" comment lines; missing trailing cells
     * are "".
     */
    static List<String[]> tsv(String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(Arrays.copyOf(line.split("\t", -1), columns));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled tagger resource " + name, e);
        }
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                row[i] = row[i] == null ? "" : row[i].trim();
            }
        }
        return rows;
    }

    /** The values of a "; "-separated cell. */
    static List<String> cell(String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split(";")) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        return out;
    }
}
