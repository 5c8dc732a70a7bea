package io.spyglass.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterScoreTest {
    private static ClusterScore.Item item(String id, String truth, String predicted) {
        return new ClusterScore.Item(id, truth, predicted);
    }

    @Test
    void aPerfectClusteringScoresOne() {
        ClusterScore s = ClusterScore.of(List.of(item("a", "x", "1"), item("b", "x", "1"), item("c", "y", "2")));
        assertThat(s.f1()).isEqualTo(1.0);
        assertThat(s.pairF1()).isEqualTo(1.0);
    }

    @Test
    void singletonsHaveFullPrecisionAndTheRecallOfOnePerCluster() {
        // truth: {a,b,c} {d}; predicted: all apart
        ClusterScore s = ClusterScore.of(List.of(item("a", "x", "1"), item("b", "x", "2"), item("c", "x", "3"),
                item("d", "y", "4")));
        assertThat(s.precision()).isEqualTo(1.0);
        // a, b, c each find 1 of 3; d finds 1 of 1
        assertThat(s.recall()).isCloseTo((3 * (1.0 / 3) + 1) / 4, within(1e-9));
        assertThat(s.pairRecall()).isEqualTo(0.0);
        assertThat(s.truePairs()).isEqualTo(3);
    }

    @Test
    void oneClusterOfEverythingHasFullRecallAndThePrecisionOfTheMix() {
        ClusterScore s = ClusterScore.of(List.of(item("a", "x", "1"), item("b", "x", "1"), item("c", "y", "1")));
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.precision()).isCloseTo((2 * (2.0 / 3) + 1.0 / 3) / 3, within(1e-9));
        assertThat(s.pairPrecision()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void pairsCanBeLimitedToThoseAFilterAccepts() {
        // only the a-c pair is counted: it belongs together and was split
        List<ClusterScore.Item> items = List.of(item("a", "x", "1"), item("b", "x", "1"), item("c", "x", "2"));
        ClusterScore s = ClusterScore.of(items, (p, q) -> !p.id().equals("b") && !q.id().equals("b"));
        assertThat(s.truePairs()).isEqualTo(1);
        assertThat(s.pairRecall()).isEqualTo(0.0);
    }

    @Test
    void bcubedOverPairsCountsOnlyTheAcceptedPairsOfEachItem() {
        // languages: a, b en; c, d ja. Truth {a,b,c} {d}; predicted {a,b} {c,d}. Cross-language pairs only:
        // a: true others in ja {c}, predicted others in ja none -> recall 0, no precision;
        // b: the same; c: true others in en {a,b}, predicted none -> recall 0; precision: predicted others in en none;
        // d: true others none, predicted others none. So recall is 0 over a, b, c and precision 1 (no item counted).
        List<ClusterScore.Item> items = List.of(item("a", "x", "1"), item("b", "x", "1"), item("c", "x", "2"),
                item("d", "y", "2"));
        java.util.Map<String, String> language = java.util.Map.of("a", "en", "b", "en", "c", "ja", "d", "ja");
        ClusterScore s = ClusterScore.bcubedOverPairs(items, (p, q) -> !language.get(p.id()).equals(language.get(q.id())));
        assertThat(s.recall()).isEqualTo(0.0);
        assertThat(s.precision()).isEqualTo(1.0);
    }

    @Test
    void bcubedOverPairsMeasuresAWrongCrossLanguageMerge() {
        // a en, b ja, c ja; truth {a,b} {c}; predicted all together
        List<ClusterScore.Item> items = List.of(item("a", "x", "1"), item("b", "x", "1"), item("c", "y", "1"));
        java.util.Map<String, String> language = java.util.Map.of("a", "en", "b", "ja", "c", "ja");
        ClusterScore s = ClusterScore.bcubedOverPairs(items, (p, q) -> !language.get(p.id()).equals(language.get(q.id())));
        // a: predicted others in ja {b,c}, one right -> 1/2; b: {a} right -> 1; c: {a} wrong -> 0
        assertThat(s.precision()).isCloseTo((0.5 + 1 + 0) / 3, within(1e-9));
        // a: true others in ja {b}, found; b: {a}, found; c: none
        assertThat(s.recall()).isEqualTo(1.0);
    }
}
