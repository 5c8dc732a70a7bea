package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spyglass.enrich.tag.Lexicon.Term;
import io.spyglass.enrich.tag.Lexicon.TermKind;
import io.spyglass.model.Evidence;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModelTest {
    private static final ScoringModel MODEL = model("""
            bias: -2
            threshold: 0.5
            titleWeight: 2
            referenceLength: 4000
            signals:
              cyber: {weight: 1, saturation: 2}
              state: {weight: 0.5, saturation: 1}
              crime: {weight: 0, saturation: 1}
            interactions:
              - {signals: [cyber, state], weight: 4}
              - {signals: [crime, "!state"], weight: -3}
            """);

    private static ScoringModel model(String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        return new ScoringModel(Taxonomy.empty().merge(Taxonomy.read(new ByteArrayInputStream(bytes), "test")));
    }

    private static double strength(double sum, double saturation) {
        return 1 - Math.exp(-sum / saturation);
    }

    @Test
    void noSignalsLeaveTheBias() {
        assertThat(MODEL.logit(Map.of(), 4000)).isEqualTo(-2);
    }

    @Test
    void addsWeightedStrengthsAndTheirInteractions() {
        double cyber = strength(2, 2);
        double state = strength(1, 1);

        double z = MODEL.logit(Map.of("cyber", 2.0, "state", 1.0), 4000);

        assertThat(z).isCloseTo(-2 + cyber + 0.5 * state + 4 * cyber * state, within(1e-12));
    }

    @Test
    void aNegatedSignalCountsItsAbsence() {
        double crime = strength(3, 1);

        assertThat(MODEL.logit(Map.of("crime", 3.0), 4000)).isCloseTo(-2 - 3 * crime, within(1e-12));
        assertThat(MODEL.logit(Map.of("crime", 3.0, "state", 50.0), 4000))
                .isCloseTo(-2 + 0.5 * strength(50, 1) - 3 * crime * Math.exp(-50), within(1e-12));
    }

    @Test
    void judgesEvidenceAgainstTheArticlesLengthWithinBounds() {
        Map<String, Double> sums = Map.of("cyber", 2.0);

        // Four times the reference length doubles the saturation; a tenth of it is held at 0.4 times.
        assertThat(MODEL.logit(sums, 16000)).isCloseTo(-2 + strength(2, 4), within(1e-12));
        assertThat(MODEL.logit(sums, 400_000)).isCloseTo(-2 + strength(2, 4), within(1e-12));
        assertThat(MODEL.logit(sums, 400)).isCloseTo(-2 + strength(2, 0.8), within(1e-12));
    }

    @Test
    void roundsTheScoreToThreePlacesAndCallsItEspionageFromTheThreshold() {
        Map<String, Double> sums = Map.of("cyber", 2.0, "state", 1.0);
        double z = MODEL.logit(sums, 4000);

        double score = MODEL.score(sums, 4000);

        assertThat(score).isEqualTo(Math.round(1000 / (1 + Math.exp(-z))) / 1000.0);
        assertThat(score).isEqualTo(0.633);
        assertThat(MODEL.espionage(score)).isTrue();
        assertThat(MODEL.espionage(0.5)).isTrue();
        assertThat(MODEL.espionage(0.499)).isFalse();
        assertThat(MODEL.score(Map.of(), 4000)).isEqualTo(0.119);
    }

    @Test
    void sumsTermWeightsCountingTheTitleTwiceAndCitesEachTermOnce() {
        Vocabulary vocabulary = new Vocabulary();
        PhraseMatcher<Term> terms = new PhraseMatcher<>(vocabulary);
        terms.add("hackers", new Term(TermKind.SIGNAL, "cyber", 1.5, "signal:cyber:hackers"));
        terms.add("state sponsored", new Term(TermKind.SIGNAL, "state", 2, "signal:state:state sponsored"));
        Tokens tokens = Tokens.of("Hackers\nstate-sponsored hackers struck", vocabulary);
        List<Evidence> evidence = new ArrayList<>();

        Map<String, Double> sums = MODEL.sums(tokens, terms.matchOverlapping(tokens), "Hackers".length(), evidence);

        assertThat(sums).containsExactlyInAnyOrderEntriesOf(Map.of("cyber", 1.5 * 2 + 1.5, "state", 2.0));
        assertThat(evidence).containsExactly(
                new Evidence("espionage", "cyber", "Hackers", 0, "signal:cyber:hackers"),
                new Evidence("espionage", "state", "state-sponsored", 8, "signal:state:state sponsored"));
    }

    @Test
    void addsARulesSignalsTimesItsBoost() {
        Map<String, Double> sums = new HashMap<>(Map.of("state", 1.0));

        ScoringModel.addSignals(sums, Map.of("state", 2.0, "cyber", 1.0), 2);

        assertThat(sums).containsExactlyInAnyOrderEntriesOf(Map.of("state", 5.0, "cyber", 2.0));
    }

    @Test
    void boostsOnlyWhatStartsInTheTitle() {
        assertThat(MODEL.titleWeight()).isEqualTo(2);
        assertThat(MODEL.boost(3, 10)).isEqualTo(2);
        assertThat(MODEL.boost(10, 10)).isEqualTo(1);
    }
}
