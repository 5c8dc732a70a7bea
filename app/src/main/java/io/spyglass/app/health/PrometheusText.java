package io.spyglass.app.health;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Renders metrics in the Prometheus text exposition format, version 0.0.4. */
public final class PrometheusText {
    /** The Content-Type of a response in this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    /**
     * Pure: the exposition of {@code metrics}, each family with its HELP and TYPE lines, labels in name order.
     *
     * @throws IllegalArgumentException if two families share a name, which Prometheus rejects
     */
    public static String render(List<Metric> metrics) {
        StringBuilder out = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("metrics: " + metric.name() + " is listed twice");
            }
            out.append("# HELP ").append(metric.name()).append(' ').append(escapeHelp(metric.help())).append('\n');
            out.append("# TYPE ").append(metric.name()).append(' ').append(metric.type().name().toLowerCase()).append('\n');
            for (Metric.Sample sample : metric.samples()) {
                out.append(metric.name()).append(labels(sample.labels())).append(' ').append(sample.value()).append('\n');
            }
        }
        return out.toString();
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(labels).forEach((name, value) -> out.append(out.length() > 1 ? "," : "")
                .append(name).append("=\"").append(escapeLabelValue(value)).append('"'));
        return out.append('}').toString();
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabelValue(String value) {
        return escapeHelp(value).replace("\"", "\\\"");
    }
}
