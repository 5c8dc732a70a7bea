package io.spyglass.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article with its tags; the value on {@code spyglass.enriched} and, for espionage stories, on
 * {@code spyglass.espionage}, keyed by {@link #id()}. The fields are those of {@link Article} plus
 * {@code tags}, so a consumer of either topic reads the same names.
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
        Tags tags) {

    public EnrichedArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(tags, "tags");
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** The article with the given tags. */
    public static EnrichedArticle of(Article a, Tags tags) {
        return new EnrichedArticle(Article.SCHEMA_VERSION, a.id(), a.url(), a.title(), a.published(), a.feed(),
                a.text(), a.outcome(), a.language(), a.authors(), a.fetched(), tags);
    }
}
