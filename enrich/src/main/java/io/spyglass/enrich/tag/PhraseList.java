package io.spyglass.enrich.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A list of cue phrases, tested at given token positions (case-insensitive, by vocabulary id). */
final class PhraseList {
    // Indexed by vocabulary id of the first and of the last word; null where no phrase starts or ends so.
    private final int[][][] byFirst;
    private final int[][][] byLast;

    PhraseList(Collection<String> values, Vocabulary vocabulary) {
        List<int[]> phrases = new ArrayList<>();
        for (String v : values) {
            Tokens t = Tokens.ofPhrase(v, vocabulary);
            int[] p = new int[t.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = t.id(i);
            }
            if (p.length > 0) {
                phrases.add(p);
            }
        }
        int size = phrases.stream().mapToInt(p -> Math.max(p[0], p[p.length - 1]) + 1).max().orElse(0);
        byFirst = index(phrases, size, true);
        byLast = index(phrases, size, false);
    }

    private static int[][][] index(List<int[]> phrases, int size, boolean first) {
        Map<Integer, List<int[]>> by = new HashMap<>();
        for (int[] p : phrases) {
            by.computeIfAbsent(first ? p[0] : p[p.length - 1], k -> new ArrayList<>()).add(p);
        }
        int[][][] out = new int[size][][];
        by.forEach((id, list) -> out[id] = list.toArray(new int[0][]));
        return out;
    }

    private static int[][] at(int[][][] index, int id) {
        return id >= 0 && id < index.length && index[id] != null ? index[id] : NONE;
    }

    private static final int[][] NONE = new int[0][];

    /** Length in tokens of the longest phrase that starts at token {@code i}, or 0. */
    int startsAt(Tokens t, int i) {
        if (i < 0 || i >= t.size()) {
            return 0;
        }
        int best = 0;
        for (int[] p : at(byFirst, t.id(i))) {
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
        for (int[] p : at(byLast, t.id(end - 1))) {
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
