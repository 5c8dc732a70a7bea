package io.spyglass.enrich.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A list of cue phrases, tested at given token positions (case-insensitive). */
final class PhraseList {
    private final Map<String, List<String[]>> byFirst = new HashMap<>();
    private final Map<String, List<String[]>> byLast = new HashMap<>();

    PhraseList(Collection<String> values) {
        for (String v : values) {
            Tokens t = Tokens.of(v);
            String[] p = new String[t.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = t.lower(i);
            }
            if (p.length > 0) {
                byFirst.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p);
                byLast.computeIfAbsent(p[p.length - 1], k -> new ArrayList<>()).add(p);
            }
        }
    }

    /** Length in tokens of the longest phrase that starts at token {@code i}, or 0. */
    int startsAt(Tokens t, int i) {
        if (i < 0 || i >= t.size()) {
            return 0;
        }
        int best = 0;
        for (String[] p : byFirst.getOrDefault(t.lower(i), List.of())) {
            if (p.length > best && i + p.length <= t.size() && equalAt(t, i, p)) {
                best = p.length;
            }
        }
        return best;
    }

    /** Length in tokens of the longest phrase that ends just before token {@code end}, or 0. */
    int endsAt(Tokens t, int end) {
        if (end <= 0 || end > t.size()) {
            return 0;
        }
        int best = 0;
        for (String[] p : byLast.getOrDefault(t.lower(end - 1), List.of())) {
            if (p.length > best && end - p.length >= 0 && equalAt(t, end - p.length, p)) {
                best = p.length;
            }
        }
        return best;
    }

    private static boolean equalAt(Tokens t, int from, String[] p) {
        for (int k = 0; k < p.length; k++) {
            if (!t.lower(from + k).equals(p[k])) {
                return false;
            }
        }
        return true;
    }
}
