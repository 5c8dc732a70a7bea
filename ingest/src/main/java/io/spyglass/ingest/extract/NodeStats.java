package io.spyglass.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Text measures of every element under a root, computed in one pass so that scoring never re-reads a
 * subtree: text length, text inside links, text not inside a nested block, and commas.
 */
final class NodeStats {

    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td",
            "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption",
            "form", "fieldset", "address", "hr", "br", "center", "details", "summary", "hgroup", "body", "html");

    /** Measures of one element. */
    static final class Counts {
        int text;
        int link;
        /** Text that belongs to this element's own paragraph, not to a nested block element. */
        int inline;
        int commas;
        int inlineCommas;
        int inlineLink;
        /** Text of the paragraphs under this element that read as prose: long enough and few links. */
        int prose;
        int paragraphs;
        /** Elements at or under this one that the page marks as its main content. */
        int marked;
    }

    private static final Counts NONE = new Counts();

    private static final int MIN_PROSE = 40;
    private static final double MAX_PROSE_LINKS = 0.3;

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private NodeStats() {
    }

    /** Measures every element under (and including) the root. */
    static NodeStats of(Element root) {
        var stats = new NodeStats();
        stats.measure(root, false);
        return stats;
    }

    /** The measures of an element under the root; zeros for one that was not measured. */
    Counts get(Element el) {
        Counts c = counts.get(el);
        return c != null ? c : NONE;
    }

    double linkDensity(Element el) {
        Counts c = get(el);
        return c.text == 0 ? 0 : (double) c.link / c.text;
    }

    private Counts measure(Element el, boolean inLink) {
        var c = new Counts();
        counts.put(el, c);
        boolean link = inLink || el.nameIs("a");
        if (el.nameIs("p")) {
            c.paragraphs = 1;
        }
        if (isMarkedContent(el)) {
            c.marked = 1;
        }
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.getWholeText();
                int len = TextNormaliser.collapsedLength(s);
                int commas = len == 0 ? 0 : commas(s);
                c.text += len;
                c.inline += len;
                c.commas += commas;
                c.inlineCommas += commas;
                if (link) {
                    c.link += len;
                    c.inlineLink += len;
                }
            } else if (child instanceof Element e && !BoilerplateFilter.isNeverText(e)) {
                Counts sub = measure(e, link);
                c.text += sub.text;
                c.link += sub.link;
                c.commas += sub.commas;
                c.paragraphs += sub.paragraphs;
                c.prose += sub.prose;
                c.marked += sub.marked;
                if (!BLOCK_TAGS.contains(e.normalName())) {
                    c.inline += sub.inline;
                    c.inlineCommas += sub.inlineCommas;
                    c.inlineLink += sub.inlineLink;
                }
            }
        }
        // Counted at blocks only: an inline element's text is its block's, and would count twice.
        if (c.inline >= MIN_PROSE && c.inlineLink < MAX_PROSE_LINKS * c.inline && BLOCK_TAGS.contains(el.normalName())) {
            c.prose += c.inline;
        }
        return c;
    }

    /**
     * Takes a removed element's measures out of its ancestors' so that the measures stay true without a
     * second pass. Must be called before the element is detached.
     */
    void discount(Element el) {
        Counts c = counts.get(el);
        if (c == null) {
            return;
        }
        boolean inline = !BLOCK_TAGS.contains(el.normalName());
        for (Element p = el.parent(); p != null; p = p.parent()) {
            Counts up = counts.get(p);
            if (up == null) {
                break;
            }
            up.text -= c.text;
            up.link -= c.link;
            up.commas -= c.commas;
            up.paragraphs -= c.paragraphs;
            up.prose -= c.prose;
            up.marked -= c.marked;
            if (inline) {
                up.inline -= c.inline;
                up.inlineCommas -= c.inlineCommas;
                up.inlineLink -= c.inlineLink;
                inline = !BLOCK_TAGS.contains(p.normalName());
            }
        }
    }

    private static boolean isMarkedContent(Element el) {
        if (el.nameIs("main")) {
            return true;
        }
        if (el.attributesSize() == 0) {
            return false;
        }
        String itemprop = el.attr("itemprop");
        return itemprop.equals("articleBody") || itemprop.equals("text") || el.attr("role").equals("main");
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '，' || ch == '、' || ch == '،') {
                n++;
            }
        }
        return n;
    }
}
