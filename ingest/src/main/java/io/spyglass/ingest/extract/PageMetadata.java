package io.spyglass.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * Metadata read from a page's head, structured data and markup, before main-text extraction.
 *
 * @param title              cleaned title; never null, may be empty
 * @param authors            author names; never null
 * @param published          first publication time, or null
 * @param modified           last modification time, or null
 * @param declaredLanguage   ISO 639-1 code declared by the page, or null
 * @param canonicalUrl       absolute canonical URL, or null
 * @param siteName           the publication's name, or null
 * @param image              absolute lead-image URL, or null
 * @param description        the page's summary, or null
 * @param structuredBody     JSON-LD {@code articleBody} of the page's article, or null
 * @param accessibleForFree  false when structured data or meta tags mark the article as paywalled
 * @param paywallMarkup      true when an element's class or id names a paywall
 */
record PageMetadata(
        String title,
        List<String> authors,
        Instant published,
        Instant modified,
        String declaredLanguage,
        String canonicalUrl,
        String siteName,
        String image,
        String description,
        String structuredBody,
        boolean accessibleForFree,
        boolean paywallMarkup) {

    PageMetadata {
        authors = List.copyOf(authors);
    }
}
