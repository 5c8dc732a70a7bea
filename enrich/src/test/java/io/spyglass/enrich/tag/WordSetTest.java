package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void holdsTheIdsOfEveryListAndNoOthers() {
        Vocabulary vocabulary = new Vocabulary();
        int and = vocabulary.add("and");
        int or = vocabulary.add("or");
        int the = vocabulary.add("the");

        WordSet set = WordSet.of(vocabulary, new int[] {and}, new int[] {the});

        assertThat(set.contains(and)).isTrue();
        assertThat(set.contains(the)).isTrue();
        assertThat(set.contains(or)).isFalse();
    }

    @Test
    void neverHoldsAnUnknownWord() {
        Vocabulary vocabulary = new Vocabulary();

        WordSet set = WordSet.of(vocabulary, new int[] {vocabulary.add("and")});

        assertThat(set.contains(Vocabulary.UNKNOWN)).isFalse();
    }
}
