package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CuesTest {

    @Test
    void resolvesEachListByItsTaxonomyName() {
        Vocabulary vocabulary = new Vocabulary();
        Map<String, PhraseList> lists = new HashMap<>();
        for (String name : Taxonomy.CUE_NAMES) {
            lists.put(name, new PhraseList(List.of(), vocabulary));
        }
        PhraseList linkWords = new PhraseList(List.of("backed", "linked"), vocabulary);
        lists.put("linkWords", linkWords);
        WordSet glue = WordSet.of(vocabulary, new int[] {vocabulary.add("and")});

        CompoundHeads heads = new CompoundHeads(List.of("konzern"));

        Cues cues = Cues.of(lists, heads, heads, glue, glue, glue, glue, glue);

        assertThat(cues.linkWords()).isSameAs(linkWords);
        assertThat(cues.regions()).isSameAs(lists.get("regions"));
        assertThat(cues.listGlue()).isSameAs(glue);
        assertThat(cues.compoundHeads()).isSameAs(heads);
        Tokens t = Tokens.of("China linked", vocabulary);
        assertThat(cues.linkWords().startsAt(t, 1)).isEqualTo(1);
    }
}
