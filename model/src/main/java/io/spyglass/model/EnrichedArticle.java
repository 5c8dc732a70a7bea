package io.spyglass.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

    /** The first revision of an article; kept so that code written before revisions existed still compiles. */
    public EnrichedArticle(int schemaVersion, String id, String url, String title, Instant published, FeedRef feed,
                           String text, ExtractionOutcome outcome, String language, List<String> authors, Instant fetched,
                           Tags tags) {
        this(schemaVersion, id, url, title, published, feed, text, outcome, language, authors, fetched, tags, 1);
    }

    /** The article with the given tags. */
    public static EnrichedArticle of(Article a, Tags tags) {
        return new EnrichedArticle(Article.SCHEMA_VERSION, a.id(), a.url(), a.title(), a.published(), a.feed(),
                a.text(), a.outcome(), a.language(), a.authors(), a.fetched(), tags, a.revision());
    }
}
