package io.spyglass.web;

import io.spyglass.model.Country;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the analyst asked to see; every field null (or blank) matches all. The page keeps these as URL query
 * parameters, so a view can be shared by its address.
 *
 * @param attributed a state code the story must be attributed to
 * @param victim     a country code that must be among the victims
 * @param sector     a sector that must be among the sectors
 * @param actor      an actor name (any case) that must be among the actors
 * @param language   a language code one of the sources must be in
 * @param from       the story's last source must be at or after this instant
 * @param to         the story's first source must be before this instant
 * @param text       words that must all occur in the title, outlets, actors or sources' titles (any case)
 */
public record StoryFilter(String attributed, String victim, String sector, String actor, String language,
                          Instant from, Instant to, String text) {

    /** The filter that matches every story. */
    public static final StoryFilter ALL = new StoryFilter(null, null, null, null, null, null, null, null);

    public StoryFilter {
        attributed = code(attributed);
        victim = code(victim);
        sector = blankToNull(sector);
        actor = blankToNull(actor);
        language = blankToNull(language);
        text = blankToNull(text) == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The filter of a request's query parameters: {@code attributed}, {@code victim}, {@code sector}, {@code actor},
     * {@code lang}, {@code from} and {@code to} (dates, YYYY-MM-DD, UTC; {@code to} inclusive) and {@code q}.
     *
     * @throws IllegalArgumentException naming the parameter whose value cannot be read
     */
    public static StoryFilter of(Function<String, String> param) {
        return new StoryFilter(param.apply("attributed"), param.apply("victim"), param.apply("sector"),
                param.apply("actor"), param.apply("lang"), day(param, "from", 0), day(param, "to", 1), param.apply("q"));
    }

    /** True when {@code s}, whose searchable text is {@code haystack} (lower case), passes this filter. */
    boolean matches(StorySummary s, String haystack) {
        return (attributed == null || hasCode(s.attributed(), attributed))
                && (victim == null || hasCode(s.victims(), victim))
                && (sector == null || s.sectors().contains(sector))
                && (actor == null || s.actors().stream().anyMatch(a -> a.equalsIgnoreCase(actor)))
                && (language == null || s.languages().contains(language))
                && (from == null || !s.lastSeen().isBefore(from))
                && (to == null || s.firstSeen().isBefore(to))
                && (text == null || allWords(haystack));
    }

    private boolean allWords(String haystack) {
        for (String word : text.split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCode(List<Country> countries, String code) {
        for (Country c : countries) {
            if (c.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static Instant day(Function<String, String> param, String name, int plusDays) {
        String value = blankToNull(param.apply(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date such as 2026-12-07, not '" + value + "'");
        }
    }

    private static String code(String value) {
        String v = blankToNull(value);
        return v == null ? null : v.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
