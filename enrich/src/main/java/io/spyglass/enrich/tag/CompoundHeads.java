package io.spyglass.enrich.tag;

import java.util.Collection;
import java.util.Locale;

/**
 * The nouns that end a closed compound naming a target ({@code compoundHeads}: "Luftfahrtunternehmen",
 * "Chemiekonzern", "Regierungsnetz"): German writes a target's kind and its noun as one word, which no list of whole
 * words can cover. Matched on the written word, case-insensitively, with inflected forms listed. Immutable.
 */
final class CompoundHeads {
    /** How many letters must stand before the head: "Netz" alone is a whole word, not a compound. */
    private static final int MIN_MODIFIER = 3;

    private final String[] heads;

    CompoundHeads(Collection<String> heads) {
        this.heads = heads.stream().map(h -> h.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /**
     * How many tokens the compound at token {@code k} spans: 1 for a word that ends with a head after a modifier of
     * its own, 2 for a hyphenated one whose last part is a head ("Dax-Konzerne"), else 0.
     */
    int at(Tokens t, int k) {
        if (heads.length == 0 || k < 0 || k >= t.size() || !t.isWord(k)) {
            return 0;
        }
        if (endsWithHead(t, k, MIN_MODIFIER)) {
            return 1;
        }
        // The tokens drop the hyphen: "Dax-Konzerne" is "Dax" and "Konzerne", one character apart.
        boolean hyphenated = k + 1 < t.size() && t.isWord(k + 1) && t.start(k + 1) == t.end(k) + 1
                && t.span(k, k + 2).charAt(t.end(k) - t.start(k)) == '-';
        return hyphenated && endsWithHead(t, k + 1, 0) ? 2 : 0;
    }

    private boolean endsWithHead(Tokens t, int k, int minModifier) {
        String word = t.span(k, k + 1).toLowerCase(Locale.ROOT);
        for (String head : heads) {
            if (word.length() >= head.length() + minModifier && word.endsWith(head)) {
                return true;
            }
        }
        return false;
    }
}
