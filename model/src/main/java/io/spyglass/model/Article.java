package io.spyglass.model;

import java.time.Instant;
import java.util.List;

/**
 * One story as ingest extracted it from a feed item and its page, before enrichment; the value on
 * {@code spyglass.articles}, keyed by {@link #id()}.
 *
 * @param schemaVersion record format version, {@link #SCHEMA_VERSION} when written by this build
 * @param id            SHA-256 (hex) of the canonical URL; also the Kafka key; never null
 * @param url           canonical article URL (tracking parameters removed); never null
 * @param title         whitespace-normalised title; never null, may be empty only if page and feed had none
 * @param published     publication time from the page or the feed; null when neither gave one
 * @param feed          the feed the item came from; never null
 * @param text          main text, paragraphs separated by blank lines; never null
 * @param outcome       how the text was obtained; never null
 * @param language      ISO 639-1 language code, or null when unknown
 * @param authors       author names; never null
 * @param fetched       when ingest produced the record; never null
 * @param revision      1 for the first version of the article, one more each time ingest found its text changed
 *                      and published it again under the same id; 0 (absent from the JSON) reads as 1
 */
public record Article(
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
        int revision) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        Fields.required("id", id, "url", url, "feed", feed, "outcome", outcome, "fetched", fetched);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
        revision = revision == 0 ? 1 : revision;
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
    }

    /** The first revision of an article. */
    public Article(int schemaVersion, String id, String url, String title, Instant published, FeedRef feed, String text,
                   ExtractionOutcome outcome, String language, List<String> authors, Instant fetched) {
        this(schemaVersion, id, url, title, published, feed, text, outcome, language, authors, fetched, 1);
    }

    /** This article in {@code language}, as enrich detected it. */
    public Article withLanguage(String language) {
        return new Article(schemaVersion, id, url, title, published, feed, text, outcome, language, authors, fetched, revision);
    }

    /** This article as revision {@code revision}. */
    public Article withRevision(int revision) {
        return new Article(schemaVersion, id, url, title, published, feed, text, outcome, language, authors, fetched, revision);
    }
}
