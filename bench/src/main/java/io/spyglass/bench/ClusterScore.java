package io.spyglass.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * B-cubed and pairwise precision, recall and F1 of a clustering against the truth. Pure.
 *
 * @param precision B-cubed precision: per item, the share of its predicted cluster that is in its true cluster
 * @param recall    B-cubed recall: per item, the share of its true cluster that is in its predicted cluster
 * @param pairPrecision of the pairs put together, the share that belong together
 * @param pairRecall    of the pairs that belong together, the share put together
 * @param items     items scored
 * @param truePairs pairs that belong together
 */
public record ClusterScore(double precision, double recall, double pairPrecision, double pairRecall, int items,
                           long truePairs) {

    /** One scored item: its true and its predicted cluster. */
    public record Item(String id, String truth, String predicted) {
        public Item {
            Objects.requireNonNull(truth, "truth");
            Objects.requireNonNull(predicted, "predicted");
        }
    }

    public double f1() {
        return f1(precision, recall);
    }

    public double pairF1() {
        return f1(pairPrecision, pairRecall);
    }

    /** The scores over all of {@code items}. */
    public static ClusterScore of(List<Item> items) {
        return of(items, (a, b) -> true);
    }

    /**
     * The scores over {@code items}, counting for pairs only those that {@code pairs} accepts (for example, pairs in
     * two languages); B-cubed is over the items.
     */
    public static ClusterScore of(List<Item> items, BiPredicate<Item, Item> pairs) {
        Map<String, Integer> truthSize = new HashMap<>();
        Map<String, Integer> predictedSize = new HashMap<>();
        Map<List<String>, Integer> both = new HashMap<>();
        for (Item i : items) {
            truthSize.merge(i.truth(), 1, Integer::sum);
            predictedSize.merge(i.predicted(), 1, Integer::sum);
            both.merge(List.of(i.truth(), i.predicted()), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        for (Item i : items) {
            int common = both.get(List.of(i.truth(), i.predicted()));
            precision += (double) common / predictedSize.get(i.predicted());
            recall += (double) common / truthSize.get(i.truth());
        }
        long together = 0;
        long belong = 0;
        long correct = 0;
        for (int a = 0; a < items.size(); a++) {
            for (int b = a + 1; b < items.size(); b++) {
                Item x = items.get(a);
                Item y = items.get(b);
                if (!pairs.test(x, y)) {
                    continue;
                }
                boolean predicted = x.predicted().equals(y.predicted());
                boolean truth = x.truth().equals(y.truth());
                together += predicted ? 1 : 0;
                belong += truth ? 1 : 0;
                correct += predicted && truth ? 1 : 0;
            }
        }
        int n = items.size();
        return new ClusterScore(n == 0 ? 0 : precision / n, n == 0 ? 0 : recall / n,
                together == 0 ? 1 : (double) correct / together, belong == 0 ? 1 : (double) correct / belong, n, belong);
    }

    /**
     * B-cubed over the pairs {@code pairs} accepts (for example, pairs in two languages), with pairwise scores over the
     * same pairs: per item, precision is the share of the other items of its predicted cluster that it may pair with
     * that are in its true cluster, recall the share of the other items of its true cluster that it may pair with that
     * are in its predicted cluster; an item with no such item in its predicted (true) cluster does not count towards
     * precision (recall). With no item counted, the figure is 1.
     */
    public static ClusterScore bcubedOverPairs(List<Item> items, BiPredicate<Item, Item> pairs) {
        double precision = 0;
        double recall = 0;
        int precisionItems = 0;
        int recallItems = 0;
        for (Item i : items) {
            int predicted = 0;
            int truth = 0;
            int both = 0;
            for (Item j : items) {
                if (j == i || !pairs.test(i, j)) {
                    continue;
                }
                boolean p = i.predicted().equals(j.predicted());
                boolean t = i.truth().equals(j.truth());
                predicted += p ? 1 : 0;
                truth += t ? 1 : 0;
                both += p && t ? 1 : 0;
            }
            if (predicted > 0) {
                precision += (double) both / predicted;
                precisionItems++;
            }
            if (truth > 0) {
                recall += (double) both / truth;
                recallItems++;
            }
        }
        ClusterScore pairwise = of(items, pairs);
        return new ClusterScore(precisionItems == 0 ? 1 : precision / precisionItems,
                recallItems == 0 ? 1 : recall / recallItems, pairwise.pairPrecision(), pairwise.pairRecall(), items.size(),
                pairwise.truePairs());
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
