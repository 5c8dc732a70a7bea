package io.spyglass.app.health;

import static io.spyglass.app.health.Metric.counter;

import io.spyglass.model.BundledFile;
import io.spyglass.model.Counts;
import io.spyglass.model.FeedStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The counters each stage keeps, and ingest's per-feed gauges, under their Prometheus names. */
final class StageCounters {

    private static final Map<String, String> HELP = BundledFile.lines(StageCounters.class, "counter-help.tsv").stream()
            .map(line -> line.split("\t", 2))
            .collect(Collectors.toUnmodifiableMap(cells -> cells[0], cells -> cells[1]));

    private StageCounters() {
    }

    /** Pure: every counter of a stage, named {@code spyglass_<stage>_<counter>_total}, with its help line. */
    static List<Metric> counters(String stage, Counts<?> counts) {
        List<Metric> metrics = new ArrayList<>();
        for (Map.Entry<? extends Enum<?>, Long> count : counts.snapshot().entrySet()) {
            String name = metricName(stage, count.getKey());
            String help = HELP.get(name);
            if (help == null) {
                throw new IllegalStateException("No help line for " + name + " in counter-help.tsv");
            }
            metrics.add(counter(name, help, count.getValue()));
        }
        return metrics;
    }

    private static String metricName(String stage, Enum<?> kind) {
        return "spyglass_" + stage + "_" + kind.name().toLowerCase(Locale.ROOT) + "_total";
    }

    /**
     * Pure: per-feed gauges from the feeds' latest health, labelled with the feed URL, so that an alert rule can say
     * which feed has been failing or has gone quiet; no family where no feed has a value.
     */
    static List<Metric> feeds(List<FeedStatus> statuses) {
        List<Metric> metrics = new ArrayList<>();
        gauge(metrics, "spyglass_feed_consecutive_failures", "Failed polls of the feed since its last success.", statuses,
                s -> (long) s.consecutiveFailures());
        gauge(metrics, "spyglass_feed_last_success_timestamp_seconds", "When the feed was last fetched and parsed.",
                statuses, s -> seconds(s.lastSuccess()));
        gauge(metrics, "spyglass_feed_newest_item_timestamp_seconds", "The latest publication time among the feed's items.",
                statuses, s -> seconds(s.newestItem()));
        gauge(metrics, "spyglass_feed_last_new_article_timestamp_seconds", "When the feed last gave an article not seen before.",
                statuses, s -> seconds(s.lastNewArticle()));
        return metrics;
    }

    private static void gauge(List<Metric> metrics, String name, String help, List<FeedStatus> statuses,
                              Function<FeedStatus, Long> value) {
        List<Metric.Sample> samples = new ArrayList<>();
        for (FeedStatus s : statuses) {
            Long v = value.apply(s);
            if (v != null) {
                samples.add(new Metric.Sample(Map.of("feed", s.url()), v));
            }
        }
        if (!samples.isEmpty()) {
            metrics.add(new Metric(name, help, Metric.Type.GAUGE, samples));
        }
    }

    private static Long seconds(Instant time) {
        return time == null ? null : time.getEpochSecond();
    }
}
