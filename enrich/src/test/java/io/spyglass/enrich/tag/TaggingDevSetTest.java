package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Floors on the multilingual development set, a little under the figures in docs/BENCHMARKS.md, so that a change to
 * a rule or word list that loses a language shows here.
 */
class TaggingDevSetTest {
    private static Tagger tagger;

    @BeforeAll
    static void load() {
        tagger = Tagger.loadDefault();
    }

    static List<String> languages() {
        return TaggingDevSet.LANGUAGES;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void eachLanguageIsDetectedAndTaggedAboveItsFloor(String language) {
        List<TaggingDevSet.Labelled> articles = TaggingDevSet.read(language);
        assertThat(articles).hasSize(30).allSatisfy(a -> assertThat(a.language()).isEqualTo(language));
        assertThat(articles.stream().filter(TaggingDevSet.Labelled::espionage).count()).isBetween(17L, 18L);

        Map<String, TaggingDevSet.Score> scores = TaggingDevSet.scoresBySplit(TaggingDevSet.tag(tagger, articles));
        TaggingDevSet.Score all = scores.get("all");
        assertThat(all.languageAccuracy()).as("language detected").isEqualTo(1.0);
        assertThat(all.f1()).as("espionage F1").isGreaterThanOrEqualTo(0.85);
        assertThat(all.attribution()).as("attribution").isGreaterThanOrEqualTo(0.80);
        assertThat(all.victims()).as("victims Jaccard").isGreaterThanOrEqualTo(0.80);
    }
}
