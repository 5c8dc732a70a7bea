package io.spyglass.app.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One metric family as Prometheus sees it: a name, a help text, a type and one sample per set of labels.
 *
 * @param name    snake_case with the {@code spyglass_} prefix; a counter's name ends in {@code _total}
 * @param help    one line saying what is counted or measured
 * @param samples never empty
 */
public record Metric(String name, String help, Type type, List<Sample> samples) {
    private static final Pattern NAME = Pattern.compile("spyglass_[a-z0-9_]*[a-z0-9]");
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

    /** The two kinds Spyglass exposes. */
    public enum Type { COUNTER, GAUGE }

    /**
     * One value of the metric.
     *
     * @param labels label names (snake_case) to values; empty for none
     */
    public record Sample(Map<String, String> labels, long value) {
        public Sample {
            labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
            labels.keySet().forEach(label -> {
                if (!LABEL.matcher(label).matches()) {
                    throw new IllegalArgumentException("labels: '" + label + "' is not a snake_case label name");
                }
            });
        }
    }

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        samples = List.copyOf(Objects.requireNonNull(samples, "samples"));
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' is not snake_case with the spyglass_ prefix");
        }
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("name: counter '" + name + "' must end in _total");
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples: " + name + " has none");
        }
    }

    /** A counter without labels. */
    public static Metric counter(String name, String help, long value) {
        return new Metric(name, help, Type.COUNTER, List.of(new Sample(Map.of(), value)));
    }
}
