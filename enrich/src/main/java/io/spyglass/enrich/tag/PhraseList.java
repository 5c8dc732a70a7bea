package io.spyglass.enrich.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A list of cue phrases, tested at given token positions (case-insensitive, by vocabulary id). */
final class PhraseList {
    private final Map<Integer, List<int[]>> byFirst = new HashMap<>();
    private final Map<Integer, List<int[]>> byLast = new HashMap<>();

    PhraseList(Collection<String> values, Vocabulary vocabulary) {
        for (String v : values) {
            Tokens t = Tokens.ofPhrase(v, vocabulary);
            int[] p = new int[t.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = t.id(i);
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
        for (int[] p : byFirst.getOrDefault(t.id(i), List.of())) {
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
        for (int[] p : byLast.getOrDefault(t.id(end - 1), List.of())) {
            if (p.length > best && end - p.length >= 0 && equalAt(t, end - p.length, p)) {
                best = p.length;
            }
        }
        return best;
    }

    private static boolean equalAt(Tokens t, int from, int[] p) {
        for (int k = 0; k < p.length; k++) {
            if (t.id(from + k) != p[k]) {
                return false;
            }
        }
        return true;
    }
}
