package io.spyglass.model;

/** What became of fetching and extracting an article's page. */
public enum ExtractionOutcome {
    /** The page's main text was extracted. */
    FULL,
    /** The page was unusable; the text is the feed's own summary or content. */
    SNIPPET_ONLY,
    /** The page is behind a paywall; the text is what the feed or page shows for free. */
    PAYWALLED,
    /** The site refused the fetch (403, anti-bot page). */
    BLOCKED,
    /** The URL did not serve HTML. */
    NOT_HTML,
    /** Neither the page nor the feed had any text. */
    EMPTY
}
