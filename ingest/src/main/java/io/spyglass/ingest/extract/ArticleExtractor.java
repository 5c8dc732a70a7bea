package io.spyglass.ingest.extract;

import io.spyglass.model.ExtractionOutcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Extracts an article's title and main text from its page. */
public final class ArticleExtractor {
    private final SiteRules rules;

    public ArticleExtractor(SiteRules rules) {
        this.rules = rules;
    }

    public static ArticleExtractor withDefaults() {
        return new ArticleExtractor(SiteRules.none());
    }

    public ExtractedPage extract(byte[] body, URI url, String contentType) {
        if (contentType != null && !contentType.toLowerCase().contains("html")) {
            return new ExtractedPage("", "", List.of(), null, null, null, null, null, null, null, ExtractionOutcome.NOT_HTML);
        }
        Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), url.toString());
        doc.select("script,style,nav,header,footer,aside,form,noscript,[class*=cookie],[class*=share],[class*=related],[class*=comment],[class*=newsletter],[id*=cookie],[id*=comment]").remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element p : root.select("p,h2,h3,li")) {
            String t = p.text().strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        String title = doc.selectFirst("h1") != null ? doc.selectFirst("h1").text() : doc.title();
        String text = String.join("\n\n", paragraphs);
        return new ExtractedPage(title, text, List.of(), null, null, null, null, null, null, null,
                text.isEmpty() ? ExtractionOutcome.EMPTY : ExtractionOutcome.FULL);
    }
}
