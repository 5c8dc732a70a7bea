package io.spyglass.ingest;

import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
        String feedText = htmlToText(item.content());
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

    /** Plain text of a feed item's HTML, one paragraph per block, blank lines between them. */
    static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script,style,iframe,object").remove();
        List<String> blocks = new ArrayList<>();
        for (Element block : doc.body().select("p,li,h1,h2,h3,h4,h5,h6,blockquote,pre")) {
            if (block.selectFirst("p,li,h1,h2,h3,h4,h5,h6,blockquote,pre") != null) {
                continue;
            }
            String t = normalise(block.text());
            if (!t.isEmpty()) {
                blocks.add(t);
            }
        }
        if (blocks.isEmpty()) {
            return normalise(doc.body().text());
        }
        return String.join("\n\n", blocks);
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }
}
