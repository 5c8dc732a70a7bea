package io.spyglass.ingest.extract;

import io.spyglass.model.ExtractionOutcome;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts an article's main text and metadata from the bytes of its page. Pure: no I/O, no shared
 * mutable state, safe to call from many threads.
 */
public final class ArticleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);
    /** Below this many characters a page has no usable text. */
    private static final int MIN_TEXT = 20;
    /** Shorter structured bodies are summaries, whatever the markup gave. */
    private static final int MIN_STRUCTURED = 250;

    private final SiteRules rules;

    /** An extractor applying the given per-site overrides; never null. */
    public ArticleExtractor(SiteRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** An extractor without per-site overrides. */
    public static ArticleExtractor withDefaults() {
        return new ArticleExtractor(SiteRules.none());
    }

    /**
     * Extracts the page. Pure: no I/O, thread-safe. Never throws on bad input: unreadable input gives an
     * {@link ExtractionOutcome#EMPTY} or {@link ExtractionOutcome#NOT_HTML} page.
     *
     * @param body        the page bytes as served; null is treated as empty
     * @param url         the page's URL for resolving links and site rules, or null
     * @param contentType the HTTP Content-Type header value, or null
     * @return the extracted page; never null
     */
    public ExtractedPage extract(byte[] body, URI url, String contentType) {
        if (body == null || body.length == 0) {
            return ExtractedPage.withoutContent(ExtractionOutcome.EMPTY);
        }
        try {
            if (!PageClassifier.isHtml(body, contentType)) {
                return ExtractedPage.withoutContent(ExtractionOutcome.NOT_HTML);
            }
            String html = CharsetDetector.decode(body, contentType);
            Document doc = Jsoup.parse(html, url == null ? "" : url.toString());
            return extract(doc, html, url);
        } catch (RuntimeException | StackOverflowError e) {
            // The contract is an outcome for every input; a page that breaks the parser or overflows the
            // stack (jsoup caps nesting, so this is a last resort) is skipped, not propagated.
            LOG.warn("Could not extract {}: {}", url, e.toString());
            return ExtractedPage.withoutContent(ExtractionOutcome.EMPTY);
        }
    }

    private ExtractedPage extract(Document doc, String html, URI url) {
        PageMetadata meta = MetadataExtractor.extract(doc, url);
        Element body = doc.body();
        Optional<SiteRules.Rule> rule = rules.forUrl(url);
        rule.map(SiteRules.Rule::removeSelector).ifPresent(selector -> body.select(selector).remove());

        String text = "";
        if (rule.isPresent() && rule.get().bodySelector() != null) {
            List<Element> selected = body.select(rule.get().bodySelector());
            text = TextRenderer.render(selected);
        }
        if (text.isEmpty()) {
            text = algorithmicText(body, meta);
        }

        String language = meta.declaredLanguage() != null ? meta.declaredLanguage() : LanguageDetector.detect(text);
        ExtractionOutcome outcome;
        if (PageClassifier.isBlocked(doc, html, text)) {
            outcome = ExtractionOutcome.BLOCKED;
        } else if (PageClassifier.isPaywalled(meta, text)) {
            outcome = ExtractionOutcome.PAYWALLED;
        } else if (text.length() < MIN_TEXT) {
            outcome = ExtractionOutcome.EMPTY;
        } else {
            outcome = ExtractionOutcome.FULL;
        }
        return new ExtractedPage(meta.title(), text, meta.authors(), meta.published(), meta.modified(), language,
                meta.canonicalUrl(), meta.siteName(), meta.image(), meta.description(), outcome);
    }

    private static String algorithmicText(Element body, PageMetadata meta) {
        NodeStats stats = BoilerplateFilter.clean(body);
        List<Element> content = ContentScorer.findContent(body, stats, meta.title());
        String text = TextRenderer.render(content);
        String structured = structuredText(meta.structuredBody());
        // Structured data is the publisher's own statement of the body; when it is much longer than what the
        // markup gave, the markup was split or lazy-loaded, and the structured body is the better text.
        if (structured == null || structured.length() <= 2 * Math.max(text.length(), MIN_STRUCTURED)) {
            return text;
        }
        // Publishers leave the standfirst out of articleBody; the page shows it above the body.
        String lead = MetadataExtractor.clean(meta.description());
        if (lead != null && text.contains(lead) && !structured.contains(lead)) {
            return lead + "\n\n" + structured;
        }
        return structured;
    }

    /**
     * The plain text of an HTML fragment (a feed item's content, a JSON-LD body), rendered as a page's content is:
     * one paragraph per block, blank lines between them, link lists and stock phrases dropped. Never null; empty
     * when the fragment is null or has no text.
     */
    public static String fragmentText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return TextRenderer.render(List.of(Jsoup.parseBodyFragment(html).body()));
    }

    /**
     * A feed item's text from its HTML content: one paragraph per block as in {@link #fragmentText}, but with the
     * first and last lines kept (the publisher wrote the snippet as a whole, so a short line is text, not a label);
     * where that keeps nothing (a lone stock phrase or link), the fragment's whole text with whitespace collapsed,
     * so an item never loses the little text its feed gave. Never null.
     */
    public static String snippetText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        String text = TextRenderer.renderBlocks(List.of(body));
        if (!text.isEmpty()) {
            return text;
        }
        body.select("script,style,iframe,object,template,svg").remove();
        return TextNormaliser.collapse(body.text());
    }

    /** The JSON-LD body as text: some publishers put markup in it, which is rendered like a page's. */
    private static String structuredText(String articleBody) {
        if (articleBody == null) {
            return null;
        }
        if (articleBody.indexOf('<') >= 0 && articleBody.indexOf('>') >= 0) {
            String text = fragmentText(articleBody);
            return text.isEmpty() ? null : text;
        }
        return MetadataExtractor.clean(articleBody);
    }
}
