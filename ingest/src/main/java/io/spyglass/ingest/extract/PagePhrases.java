package io.spyglass.ingest.extract;

import io.spyglass.model.BundledFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The phrases that mark page furniture (interstitials, calls to action, labels, notices, credits), read from the
 * data file {@code page-phrases.txt}: one {@code [section]} each, its lines the alternatives.
 */
final class PagePhrases {
    private static final String FILE = "page-phrases.txt";
    // a name in brackets, so that an expression such as [(,]\s*photo: is never taken for one
    private static final Pattern HEADER = Pattern.compile("\\[[a-z-]+]");
    private static final Map<String, List<String>> SECTIONS = sections(BundledFile.lines(PagePhrases.class, FILE));

    private PagePhrases() {
    }

    /** The section {@code name} as one case-insensitive expression of its lines as alternatives. */
    static Pattern pattern(String name) {
        return Pattern.compile("(?i)(?:" + String.join("|", section(name)) + ")");
    }

    /** The section {@code name}'s lines, lower-cased: phrases compared whole. */
    static Set<String> phrases(String name) {
        return Set.copyOf(section(name).stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
    }

    private static List<String> section(String name) {
        List<String> lines = SECTIONS.get(name);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalStateException(FILE + " has no section [" + name + "]");
        }
        return lines;
    }

    static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (HEADER.matcher(line).matches()) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalStateException(FILE + ": a line before the first [section]: " + line);
            } else {
                current.add(line);
            }
        }
        return sections;
    }
}
