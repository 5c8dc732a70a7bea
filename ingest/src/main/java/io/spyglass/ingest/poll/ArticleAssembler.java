package io.spyglass.ingest.poll;

import io.spyglass.ingest.extract.ArticleExtractor;
import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.ingest.seen.CanonicalUrl;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.time.Instant;
import java.util.List;

/** Builds the {@link Article} for a feed item from what its page and the feed gave. */
public final class ArticleAssembler {

    private ArticleAssembler() {
    }

    /**
     * The article for {@code item}: the page's text when extraction succeeded, else the feed's own text,
     * with an outcome that says which.
     *
     * @param page the extracted page, or null when the page could not be fetched
     * @param pageOutcome the outcome when {@code page} is null (BLOCKED for a 403, SNIPPET_ONLY otherwise)
     */
    public static Article assemble(FeedItem item, FeedRef feed, ExtractedPage page, ExtractionOutcome pageOutcome, Instant now) {
        String url = CanonicalUrl.of(item.link().toString());
        String id = CanonicalUrl.sha256(url);
        String feedText = ArticleExtractor.snippetText(item.content());
        boolean full = page != null && page.outcome() == ExtractionOutcome.FULL && !page.text().isBlank();
        String text;
        ExtractionOutcome outcome;
        if (full) {
            text = page.text();
            outcome = ExtractionOutcome.FULL;
        } else {
            text = feedText;
            ExtractionOutcome failed = page != null ? page.outcome() : pageOutcome;
            boolean refused = failed == ExtractionOutcome.BLOCKED || failed == ExtractionOutcome.PAYWALLED
                    || failed == ExtractionOutcome.NOT_HTML;
            outcome = refused ? failed : feedText.isBlank() ? ExtractionOutcome.EMPTY : ExtractionOutcome.SNIPPET_ONLY;
        }
        String title = !item.title().isBlank() ? item.title() : page != null && page.title() != null ? page.title() : "";
        Instant published = page != null && page.published() != null ? page.published() : item.published();
        List<String> authors = page != null && page.authors() != null && !page.authors().isEmpty() ? page.authors() : item.authors();
        String language = page == null ? null : page.language();
        return new Article(Article.SCHEMA_VERSION, id, url, title, published, feed, text, outcome, language, authors, now);
    }
}
