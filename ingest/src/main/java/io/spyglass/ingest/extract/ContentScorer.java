package io.spyglass.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the elements that hold an article's main text in a cleaned page body. Every paragraph-like element
 * (one with enough text of its own) scores by length and commas, and passes its score to its ancestors with
 * decay; the best container, discounted by link density and weighted by class, id and semantic hints, wins,
 * and siblings that look like more of the same article join it.
 */
final class ContentScorer {

    private static final int MIN_PARAGRAPH = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final int MIN_LEAD = 60;
    private static final int MIN_TITLE = 15;
    private static final double POSITIVE_FACTOR = 1.5;
    private static final double NEGATIVE_FACTOR = 0.5;
    private static final int EXPAND_LEVELS = 4;
    private static final double EXPAND_PROSE_SHARE = 0.6;
    private static final double EXPAND_MAX_LINKS = 0.25;
    private static final int EXPAND_FREE_TEXT = 150;
    private static final int MAX_LEAD_BLOCKS = 3;
    private static final int MAX_LEAD_CHARS = 1500;
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|main|page|post|text"
            + "|blog|story|artikel|inhalt|beitrag|news|single|column|hentry|rich");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)comment|meta|footer|footnote|sidebar|widget"
            + "|related|share|social|teaser|promo|nav|menu|header|combx|contact|masthead|media|outbrain"
            + "|shoutbox|sponsor|tags|tool|ad-|ads|banner|card|list|more|recommend|author|byline");

    /** List items and table headers hold menus, references and link lists far more often than prose. */
    private static final Set<String> NOT_PARAGRAPHS = Set.of("li", "dt", "dd", "th", "caption", "summary",
            "address", "ul", "ol", "dl", "table", "tr", "tbody", "thead");

    private ContentScorer() {
    }

    /** The content elements in document order; empty when the body has no paragraph-like text at all. */
    static List<Element> findContent(Element body, NodeStats stats, String title) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        List<Element> all = body.getAllElements();
        for (Element el : all) {
            NodeStats.Counts c = stats.get(el);
            String tag = el.normalName();
            // Inline elements' text is already their block's; list items and cells of menus are not prose.
            if (c.inline < MIN_PARAGRAPH || el == body || !NodeStats.BLOCK_TAGS.contains(tag)
                    || NOT_PARAGRAPHS.contains(tag)) {
                continue;
            }
            double own = 1 + c.inlineCommas + Math.min(c.inline / 100, 3);
            Element ancestor = el.parent();
            for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++) {
                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                scores.merge(ancestor, own * share, Double::sum);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        if (scores.isEmpty()) {
            return List.of();
        }
        Element top = null;
        double topScore = -1;
        Map<Element, Double> finalScores = new IdentityHashMap<>();
        // Document order, not map order: ties must go the same way on every run.
        for (Element el : all) {
            Double raw = scores.get(el);
            if (raw == null) {
                continue;
            }
            double score = (raw + tagWeight(el)) * nameFactor(el) * (1 - stats.linkDensity(el));
            finalScores.put(el, score);
            if (score > topScore) {
                topScore = score;
                top = el;
            }
        }
        top = climb(top, topScore, finalScores, body);
        topScore = finalScores.getOrDefault(top, topScore);
        top = expand(top, stats, body);
        List<Element> content = withSiblings(top, topScore, finalScores, stats, body);
        return withLead(all, content, stats, title);
    }

    /**
     * Prepends the standfirst: prose blocks between the headline and the content, which pages keep in their
     * article header, apart from the body container.
     */
    private static List<Element> withLead(List<Element> all, List<Element> content, NodeStats stats, String title) {
        Element first = content.get(0);
        Element headline = headline(all, title);
        if (headline == null || headline == first || first.parents().contains(headline)) {
            return content;
        }
        int from = indexOf(all, headline);
        int to = indexOf(all, first);
        if (from < 0 || to < 0 || from >= to) {
            return content;
        }
        List<Element> lead = new ArrayList<>();
        int chars = 0;
        Element last = headline;
        for (int i = from + 1; i < to; i++) {
            Element el = all.get(i);
            if (isAncestor(el, first) || isAncestor(last, el) || isAncestor(headline, el)) {
                continue;
            }
            NodeStats.Counts c = stats.get(el);
            if (c.inline < MIN_LEAD || stats.linkDensity(el) > 0.3 || NOT_PARAGRAPHS.contains(el.normalName())) {
                continue;
            }
            lead.add(el);
            last = el;
            chars += c.text;
        }
        if (lead.isEmpty() || lead.size() > MAX_LEAD_BLOCKS || chars > MAX_LEAD_CHARS) {
            return content;
        }
        List<Element> out = new ArrayList<>(lead);
        out.addAll(content);
        return out;
    }

    /**
     * The story's headline: the first heading that reads as the page title (pages put the site name in
     * their only h1, or the headline in an h2), else the first h1 or marked headline.
     */
    private static Element headline(List<Element> all, String title) {
        String wanted = title.toLowerCase(Locale.ROOT);
        Element first = null;
        for (Element el : all) {
            boolean marked = el.attributesSize() > 0 && el.attr("itemprop").equals("headline");
            if (!marked && !el.nameIs("h1") && !el.nameIs("h2") && !el.nameIs("h3")) {
                continue;
            }
            if (wanted.length() >= MIN_TITLE) {
                String text = TextNormaliser.collapse(el.text()).toLowerCase(Locale.ROOT);
                if (text.length() >= MIN_TITLE && (wanted.contains(text) || text.contains(wanted))) {
                    return el;
                }
            }
            if (first == null && (marked || el.nameIs("h1"))) {
                first = el;
            }
        }
        return first;
    }

    private static boolean isAncestor(Element ancestor, Element el) {
        for (Element e = el.parent(); e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Element> elements, Element el) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) == el) {
                return i;
            }
        }
        return -1;
    }

    /** A parent that scores nearly as well as the best child is the whole article, not one part of it. */
    private static Element climb(Element top, double topScore, Map<Element, Double> scores, Element body) {
        Element best = top;
        double last = topScore;
        Element parent = top.parent();
        while (parent != null && parent != body) {
            Double score = scores.get(parent);
            if (score == null || score < topScore / 3) {
                break;
            }
            if (score > last) {
                best = parent;
            }
            last = score;
            parent = parent.parent();
        }
        return best;
    }

    /**
     * Moves up to an ancestor while what the ancestor adds is mostly prose with few links: articles split
     * into sections that each sit in their own wrappers are one article.
     */
    private static Element expand(Element top, NodeStats stats, Element body) {
        Element current = top;
        int level = 0;
        while (level < EXPAND_LEVELS) {
            Element parent = current.parent();
            if (parent == null || parent == body) {
                break;
            }
            NodeStats.Counts now = stats.get(current);
            NodeStats.Counts up = stats.get(parent);
            int extraText = up.text - now.text;
            int extraLinks = up.link - now.link;
            // Wrappers that add nothing, or only a heading or date, are free: only levels that add real
            // text count against the limit.
            if (extraText <= EXPAND_FREE_TEXT && extraLinks <= EXPAND_MAX_LINKS * extraText) {
                current = parent;
                continue;
            }
            level++;
            int extraProse = up.prose - now.prose;
            if (extraProse < EXPAND_PROSE_SHARE * extraText || extraLinks > EXPAND_MAX_LINKS * extraText) {
                break;
            }
            current = parent;
        }
        return current;
    }

    private static List<Element> withSiblings(Element top, double topScore, Map<Element, Double> scores,
                                              NodeStats stats, Element body) {
        Element parent = top.parent();
        if (top == body || parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            double score = scores.getOrDefault(sibling, 0.0);
            if (score + bonus >= threshold) {
                out.add(sibling);
                continue;
            }
            if (sibling.nameIs("p")) {
                NodeStats.Counts c = stats.get(sibling);
                double ld = stats.linkDensity(sibling);
                String text = c.text < 80 ? sibling.text() : "";
                if (c.text > 80 && ld < 0.25 || c.text > 0 && c.text <= 80 && ld == 0 && text.matches(".*\\.( |$).*")) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }

    /** Points for what an element is: semantic containers and prose blocks up, lists and headings down. */
    private static double tagWeight(Element el) {
        return switch (el.normalName()) {
            case "article", "main" -> 10;
            case "div", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    /**
     * A factor for what the page calls an element: structured-data and ARIA marks of the main content,
     * and class or id words. A factor, not points, so that a well-named wrapper of one teaser never
     * outscores a badly named container of the whole article.
     */
    private static double nameFactor(Element el) {
        double factor = 1;
        if (el.attributesSize() == 0) {
            return factor;
        }
        if ("articleBody".equals(el.attr("itemprop"))) {
            factor *= 2;
        }
        if ("main".equals(el.attr("role"))) {
            factor *= 1.25;
        }
        String names = el.className() + " " + el.id();
        if (names.length() > 1) {
            if (NEGATIVE.matcher(names).find()) {
                factor *= NEGATIVE_FACTOR;
            }
            if (POSITIVE.matcher(names).find()) {
                factor *= POSITIVE_FACTOR;
            }
        }
        return factor;
    }
}
