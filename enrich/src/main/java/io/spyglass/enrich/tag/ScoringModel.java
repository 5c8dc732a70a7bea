package io.spyglass.enrich.tag;

import io.spyglass.model.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The verdict: each signal's summed term weights become a strength, scaled by the article's length, and bias,
 * strengths and their interactions a logistic score, rounded to three places, that is espionage from the
 * threshold on (docs/TAGGING.md, "Verdict"). Immutable.
 */
final class ScoringModel {
    private static final int MAX_SIGNAL_EVIDENCE = 25;

    // The score's signals and interactions as arrays, in the taxonomy's order; a signal an interaction names
    // but the taxonomy lacks has index signalNames.length, whose strength stays 0.
    private final String[] signalNames;
    private final double[] signalSaturation;
    private final double[] signalWeight;
    private final double[] interactionWeight;
    private final int[][] interactionSignals;
    private final boolean[][] interactionNegated;
    private final double bias;
    private final double threshold;
    private final double titleWeight;
    private final double referenceLength;

    ScoringModel(Taxonomy taxonomy) {
        this.bias = Objects.requireNonNullElse(taxonomy.bias(), 0.0);
        this.threshold = Objects.requireNonNullElse(taxonomy.threshold(), 0.5);
        this.titleWeight = Objects.requireNonNullElse(taxonomy.titleWeight(), 1.0);
        this.referenceLength = Objects.requireNonNullElse(taxonomy.referenceLength(), 0.0);
        List<String> signalOrder = new ArrayList<>(taxonomy.signals().keySet());
        this.signalNames = signalOrder.toArray(new String[0]);
        this.signalSaturation = new double[signalNames.length];
        this.signalWeight = new double[signalNames.length];
        for (int s = 0; s < signalNames.length; s++) {
            Taxonomy.Signal signal = taxonomy.signals().get(signalNames[s]);
            signalSaturation[s] = Objects.requireNonNullElse(signal.saturation(), 1.0);
            signalWeight[s] = Objects.requireNonNullElse(signal.weight(), 0.0);
        }
        List<Taxonomy.Interaction> interactions = taxonomy.interactions();
        this.interactionWeight = new double[interactions.size()];
        this.interactionSignals = new int[interactions.size()][];
        this.interactionNegated = new boolean[interactions.size()][];
        for (int i = 0; i < interactions.size(); i++) {
            List<String> signals = interactions.get(i).signals();
            interactionWeight[i] = interactions.get(i).weight();
            interactionSignals[i] = new int[signals.size()];
            interactionNegated[i] = new boolean[signals.size()];
            for (int k = 0; k < signals.size(); k++) {
                boolean negated = signals.get(k).startsWith("!");
                int index = signalOrder.indexOf(negated ? signals.get(k).substring(1) : signals.get(k));
                interactionNegated[i][k] = negated;
                interactionSignals[i][k] = index < 0 ? signalNames.length : index;
            }
        }
    }

    /** How many times a match in the title counts. */
    double titleWeight() {
        return titleWeight;
    }

    /** The weight of a match that starts at {@code offset}: the title weight before {@code titleEnd}, else 1. */
    double boost(int offset, int titleEnd) {
        return offset < titleEnd ? titleWeight : 1;
    }

    /**
     * Each signal's summed term weights over the matches of signal terms; the first match of each term that
     * counted goes to {@code evidence}, up to 25.
     *
     * @return a new mutable map, signal name to sum
     */
    Map<String, Double> sums(Tokens tokens, List<PhraseMatcher.Match<Lexicon.Term>> matches, int titleEnd,
                             List<Evidence> evidence) {
        Map<String, Double> sums = new HashMap<>();
        Set<String> seenTerms = new LinkedHashSet<>();
        int added = 0;
        for (PhraseMatcher.Match<Lexicon.Term> m : matches) {
            Lexicon.Term term = m.payload();
            double w = term.weight() * boost(tokens.start(m.first()), titleEnd);
            sums.merge(term.value(), w, Double::sum);
            if (seenTerms.add(term.rule()) && added < MAX_SIGNAL_EVIDENCE) {
                evidence.add(tokens.evidence("espionage", term.value(), m.first(), m.last(), term.rule()));
                added++;
            }
        }
        return sums;
    }

    /** Adds a rule's signal weights, times {@code boost}, to {@code sums}. */
    static void addSignals(Map<String, Double> sums, Map<String, Double> add, double boost) {
        add.forEach((signal, weight) -> sums.merge(signal, weight * boost, Double::sum));
    }

    /** The score, in [0, 1] and rounded to three places, of signal sums over an article of {@code length} chars. */
    double score(Map<String, Double> sums, int length) {
        return Math.round(1000.0 / (1 + Math.exp(-logit(sums, length)))) / 1000.0;
    }

    /** True when a score says espionage. */
    boolean espionage(double score) {
        return score >= threshold;
    }

    /** The logistic score's argument: bias, signal strengths and their interactions. */
    double logit(Map<String, Double> sums, int length) {
        // Evidence is judged against the article's length: three mentions in a short news item say more than
        // three in a long essay. The factor is sqrt(length / referenceLength), kept within [0.4, 2].
        double lengthFactor = referenceLength <= 0 ? 1
                : Math.min(2.0, Math.max(0.4, Math.sqrt(length / referenceLength)));
        double z = bias;
        double[] strength = new double[signalNames.length + 1];
        for (int s = 0; s < signalNames.length; s++) {
            double saturation = signalSaturation[s] * lengthFactor;
            double st = 1 - Math.exp(-sums.getOrDefault(signalNames[s], 0.0) / saturation);
            strength[s] = st;
            z += signalWeight[s] * st;
        }
        for (int i = 0; i < interactionWeight.length; i++) {
            double product = interactionWeight[i];
            int[] signals = interactionSignals[i];
            for (int k = 0; k < signals.length; k++) {
                product *= interactionNegated[i][k] ? 1 - strength[signals[k]] : strength[signals[k]];
            }
            z += product;
        }
        return z;
    }
}
