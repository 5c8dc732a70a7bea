package io.spyglass.model;

import java.time.Instant;
import java.util.List;

/**
 * One article that reported a {@link Story}.
 *
 * @param articleId id (and key) of the article on {@code spyglass.enriched}; never null
 * @param url       canonical article URL; never null
 * @param title     the article's title; never null
 * @param outlet    the feed's name, or the URL's host when the feed has none; never null
 * @param feed      the feed it came from; never null
 * @param published publication time, or null when unknown
 * @param fetched   when ingest produced it; never null
 * @param language  the language enrich detected in it (ISO 639-1, "und" when undetectable), or null in stories
 *                  written before it was recorded
 * @param text      the article's text, or null once the story's text budget is spent
 * @param evidence  the tagger's evidence; offsets index into this source's title, a newline, then its text; never null
 */
public record StorySource(String articleId, String url, String title, String outlet, FeedRef feed, Instant published,
                          Instant fetched, String language, String text, List<Evidence> evidence) {
    public StorySource {
        Fields.required("articleId", articleId, "url", url, "title", title, "outlet", outlet, "feed", feed,
                "fetched", fetched);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
