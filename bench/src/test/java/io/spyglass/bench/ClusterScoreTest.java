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
}
