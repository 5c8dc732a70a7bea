package io.spyglass.ingest.extract;

import io.spyglass.model.ExtractionOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ArticleExtractor} found on one page: its main text, its metadata and what became of it.
 *
 * @param title        whitespace-normalised title without a site-name suffix; never null, may be empty
 * @param text         main text, paragraphs separated by {@code "\n\n"}; never null, may be empty
 * @param authors      author names in page order, without duplicates; never null
 * @param published    first publication time, or null when the page gives none
 * @param modified     last modification time, or null when the page gives none
 * @param language     ISO 639-1 code, or null when unknown
 * @param canonicalUrl absolute canonical URL, or null when the page gives none
 * @param siteName     the publication's name, or null
 * @param image        absolute URL of the lead image, or null
 * @param description  the page's own summary, or null
 * @param outcome      how usable the page was; never null
 */
public record ExtractedPage(
        String title,
        String text,
        List<String> authors,
        Instant published,
        Instant modified,
        String language,
        String canonicalUrl,
        String siteName,
        String image,
        String description,
        ExtractionOutcome outcome) {

    public ExtractedPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A page without text or metadata, for input that could not be read as an article. */
    static ExtractedPage withoutContent(ExtractionOutcome outcome) {
        return new ExtractedPage("", "", List.of(), null, null, null, null, null, null, null, outcome);
    }
}
