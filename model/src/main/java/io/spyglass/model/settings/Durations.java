package io.spyglass.model.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as configuration writes them: {@code 250ms}, {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a duration such as {@code 90s}, {@code 10m}, {@code 1h} or {@code 1h30m}.
     *
     * @throws IllegalArgumentException naming {@code where} when the text is not a duration
     */
    public static Duration parse(String text, String where) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        try {
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                end = m.end();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(where + ": interval '" + text + "' is too long");
        }
        if (t.isEmpty() || end != t.length()) {
            throw new IllegalArgumentException(where + ": bad interval '" + text + "' (examples: 90s, 10m, 1h)");
        }
        return total;
    }
}
