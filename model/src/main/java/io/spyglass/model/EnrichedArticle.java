package io.spyglass.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An article with its tags; the value on {@code spyglass.enriched} and, for espionage stories, on
 * {@code spyglass.espionage}, keyed by the article's id. In JSON the article's fields stand at the top level beside
 * {@code tags}, so a consumer of either topic reads the same names; in Java they are read through {@link #article()}.
 * A later {@code revision} of an id replaces the earlier one.
 *
 * @param article the article as enrich tagged it, in the language enrich found (which may differ from the one the
 *                page declared)
 * @param tags    what the tagger found
 */
public record EnrichedArticle(@JsonUnwrapped Article article, Tags tags) {

    /**
     * Header on every {@code spyglass.enriched} record: {@code true} or {@code false}, the record's
     * {@code tags.espionage}, so a reader that wants only espionage skips the others without parsing them.
     */
    public static final String ESPIONAGE_HEADER = "spyglass.espionage";
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.UTF_8);

    public EnrichedArticle {
        Fields.required("article", article, "tags", tags);
    }

    /** The article with the given tags. */
    public static EnrichedArticle of(Article a, Tags tags) {
        return new EnrichedArticle(a, tags);
    }

    /** The article with its tags, in the language enrich found. */
    public static EnrichedArticle of(Article a, String language, Tags tags) {
        return new EnrichedArticle(a.withLanguage(language), tags);
    }

    /** The headers this record carries on {@code spyglass.enriched}. */
    public Headers headers() {
        return new RecordHeaders().add(ESPIONAGE_HEADER, tags.espionage() ? TRUE : FALSE);
    }

    /**
     * True when {@code headers} say the record is not espionage; false when they say it is, or say nothing (a record
     * not written by enrich), so such a record is read and checked.
     */
    public static boolean markedNotEspionage(Headers headers) {
        Header header = headers.lastHeader(ESPIONAGE_HEADER);
        return header != null && Arrays.equals(header.value(), FALSE);
    }
}
