package io.spyglass.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An article with its tags; the value on {@code spyglass.enriched} and, for espionage stories, on
 * {@code spyglass.espionage}, keyed by {@link #id()}. The fields are those of {@link Article} plus
 * {@code tags}, so a consumer of either topic reads the same names. A later {@code revision} of an id replaces the
 * earlier one.
 */
public record EnrichedArticle(
        int schemaVersion,
        String id,
        String url,
        String title,
        Instant published,
        FeedRef feed,
        String text,
        ExtractionOutcome outcome,
        String language,
        List<String> authors,
        Instant fetched,
        Tags tags,
        int revision) {

    /**
     * Header on every {@code spyglass.enriched} record: {@code true} or {@code false}, the record's
     * {@code tags.espionage}, so a reader that wants only espionage skips the others without parsing them.
     */
    public static final String ESPIONAGE_HEADER = "spyglass.espionage";
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.UTF_8);

    public EnrichedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(tags, "tags");
        authors = authors == null ? List.of() : List.copyOf(authors);
        revision = revision == 0 ? 1 : revision;
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }

    /** The first revision of an article. */
    public EnrichedArticle(int schemaVersion, String id, String url, String title, Instant published, FeedRef feed,
                           String text, ExtractionOutcome outcome, String language, List<String> authors, Instant fetched,
                           Tags tags) {
        this(schemaVersion, id, url, title, published, feed, text, outcome, language, authors, fetched, tags, 1);
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

    /** The article with the given tags. */
    public static EnrichedArticle of(Article a, Tags tags) {
        return of(a, a.language(), tags);
    }

    /** The article with its tags, in the language enrich found (which may differ from the one the page declared). */
    public static EnrichedArticle of(Article a, String language, Tags tags) {
        return new EnrichedArticle(Article.SCHEMA_VERSION, a.id(), a.url(), a.title(), a.published(), a.feed(),
                a.text(), a.outcome(), language, a.authors(), a.fetched(), tags, a.revision());
    }
}
