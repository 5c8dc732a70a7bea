package io.spyglass.app.health;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, written from the format's description rather than from
 * {@link PrometheusText}, so that the tests check the output against the format and not against itself.
 */
public final class PrometheusScrape {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL_VALUE = "\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final String LABELS = "\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=" + LABEL_VALUE + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=" + LABEL_VALUE
            + ")*,?)?}";
    private static final String VALUE = "[-+]?(?:\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|NaN|Inf)";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (?:[^\\\\\\n]|\\\\[\\\\n])*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(" + LABELS + ")? (" + VALUE + ")(?: -?\\d+)?");

    private final Map<String, Double> series;
    private final Map<String, String> types;

    private PrometheusScrape(Map<String, Double> series, Map<String, String> types) {
        this.series = series;
        this.types = types;
    }

    /**
     * Reads {@code text}, failing with the line number on any line the format does not allow, on a family whose HELP
     * or TYPE comes twice or after its samples, and on a series listed twice.
     */
    public static PrometheusScrape parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a line feed");
        }
        Map<String, Double> series = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new HashSet<>();
        Set<String> sampled = new HashSet<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = "line " + (i + 1) + " '" + line + "': ";
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                check(helped.add(m.group(1)) && !sampled.contains(m.group(1)), at + "HELP twice or after the samples");
            } else if ((m = TYPE.matcher(line)).matches()) {
                check(types.putIfAbsent(m.group(1), m.group(2)) == null && !sampled.contains(m.group(1)),
                        at + "TYPE twice or after the samples");
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                sampled.add(m.group(1));
                String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                String value = m.group(3);
                check(series.put(key, value.endsWith("Inf") || value.equals("NaN") ? Double.NaN : Double.parseDouble(value)) == null,
                        at + "series listed twice");
            } else {
                check(line.isEmpty() || line.startsWith("#") && !line.startsWith("# HELP") && !line.startsWith("# TYPE"),
                        at + "not a line of the format");
            }
        }
        return new PrometheusScrape(series, types);
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new AssertionError(problem);
        }
    }

    /** Every series, {@code name{labels}} as written, to its value. */
    public Map<String, Double> series() {
        return series;
    }

    /** The TYPE of each family that declared one. */
    public Map<String, String> types() {
        return types;
    }

    /** The value of one series, {@code name} or {@code name{label="value",...}} as written. */
    public double value(String series) {
        Double v = this.series.get(series);
        if (v == null) {
            throw new AssertionError("no series " + series + " in " + this.series.keySet());
        }
        return v;
    }
}
