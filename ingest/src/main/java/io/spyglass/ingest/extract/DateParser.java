package io.spyglass.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;

/** Parses the date-time forms pages use in metadata: ISO 8601 with or without zone, time or seconds. */
final class DateParser {

    private static final Pattern ISO_LIKE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}(:?\\d{2})?)?");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'H:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private DateParser() {
    }

    /** The instant, taking a missing zone as UTC; null when the text is null or not a date. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        var m = ISO_LIKE.matcher(text.trim());
        if (!m.lookingAt()) {
            return null;
        }
        String value = m.group().trim().replace(',', '.');
        String zone = m.group(4);
        String local = zone == null ? value : value.substring(0, value.length() - zone.length()).trim();
        try {
            ZoneOffset offset = offset(zone);
            if (m.group(1) == null) {
                return LocalDate.parse(local).atStartOfDay().toInstant(offset);
            }
            return LocalDateTime.parse(local.replace(' ', 'T'), LOCAL).toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
        return ZoneOffset.of(z);
    }
}
