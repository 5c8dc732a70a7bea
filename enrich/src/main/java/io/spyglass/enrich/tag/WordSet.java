package io.spyglass.enrich.tag;

/**
 * A set of single words by vocabulary id, for the rules that test one token: comparing ids needs no lower-cased
 * string per token. Indexed by id + 1, so that {@link Vocabulary#UNKNOWN} needs no test of its own.
 */
final class WordSet {
    private final boolean[] members;

    private WordSet(boolean[] members) {
        this.members = members;
    }

    /** The set of the given ids, covering every id of the vocabulary as it is now: build it once that is complete. */
    static WordSet of(Vocabulary vocabulary, int[]... idLists) {
        boolean[] set = new boolean[vocabulary.size() + 1];
        for (int[] ids : idLists) {
            for (int id : ids) {
                set[id + 1] = true;
            }
        }
        return new WordSet(set);
    }

    boolean contains(int id) {
        return members[id + 1];
    }
}
