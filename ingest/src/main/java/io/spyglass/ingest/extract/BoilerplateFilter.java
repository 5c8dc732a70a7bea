package io.spyglass.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Separates what is never article text from a page body. Scripts, media, form controls and hidden elements
 * are skipped by measuring and rendering; navigation, page headers and footers, asides, cookie and consent
 * banners, share bars, related and recommended links, comments, newsletter boxes, figures with their
 * captions and credits, and forms are removed.
 */
final class BoilerplateFilter {

    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "template", "svg", "canvas",
            "iframe", "object", "embed", "video", "audio", "map", "button", "input", "select", "textarea", "option",
            "link", "meta", "dialog", "head", "picture", "img", "source", "math");
    /** Not {@code header}: article headers hold the lead paragraph; the site header is role=banner or nav. */
    private static final Set<String> BOILERPLATE_TAGS = Set.of("nav", "aside", "footer", "form", "menu");
    private static final Set<String> FIGURE_PROSE = Set.of("blockquote", "table", "pre", "p", "ul", "ol");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar", "tablist");
    /** Class and id words that mark page furniture; matched at word starts within the attribute values. */
    private static final Pattern BOILERPLATE_NAMES = Pattern.compile("(?:^|[\\s_-])(?:"
            + "comment(?!ary)|kommentar|disqus|replies|respond"
            + "|share|sharing|social|shariff|sociable"
            + "|cookie|consent|gdpr"
            + "|newsletter|subscri|signup|sign-up|abonn|login"
            + "|related|recommend|empfehl|more-?(?:stories|articles|news)|read-?more|weitere|also-?read|outbrain|taboola"
            + "|breadcrumb|pagination|pager(?:$|[\\s_-])|sidebar|footer|navbar|navigation|nav(?:$|[\\s_-])|menu"
            + "|popup|modal|overlay|banner|advert|ads?(?:$|[\\s_-])|ad-|anzeige|sponsor|promo"
            + "|tags(?:$|[\\s_-])|tag-?(?:list|cloud)|tagcloud|keywords|byline|author|autor|about-?author"
            + "|post-?meta|entry-?meta|article-?meta|meta(?:$|[\\s_-])|caption|credit|copyright"
            + "|print(?:$|[\\s_-])|toolbar|skip|sr-only|visually-?hidden|screen-?reader"
            + "|rating|survey|poll(?:$|[\\s_-])|slideshow|carousel|gallery|lightbox)"
            // Whole words only: Drupal's "field--label-hidden" hides a label, not the field.
            + "|(?:^|\\s)(?:hidden|d-none|is-hidden|invisible)(?:$|\\s)");
    /**
     * Class names that describe rather than name an element: blog taxonomies ("tag-social",
     * "category-comments"), state ("has-sharing", "with-ads"), script hooks ("js-share") and BEM
     * modifiers ("section--has-ads"). Matching furniture words in them removes articles.
     */
    private static final Pattern TAXONOMY_CLASSES = Pattern.compile(
            "(?:^|\\s)(?:tag|category|categories|cat|topic|format|type|status|has|with|js)[-_]\\S*|--\\S*");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    private static final int NOSCRIPT_ARTICLE = 500;
    /** Share of the page's non-link text above which an element is kept whatever its name says. */
    private static final double PROTECTED_SHARE = 0.4;

    private BoilerplateFilter() {
    }

    /**
     * Removes boilerplate under the root in place.
     *
     * @return the text measures of what is left; never null
     */
    static NodeStats clean(Element root) {
        NodeStats stats = NodeStats.of(root);
        NodeStats.Counts total = stats.get(root);
        int pageText = total.text - total.link;
        List<Element> furniture = new ArrayList<>();
        collectFurniture(root, stats, pageText, new HashMap<>(), furniture);
        for (Element el : furniture) {
            stats.discount(el);
            el.remove();
        }
        return stats;
    }

    /**
     * True for elements whose text is never article text: scripts, styles, media, form controls, and
     * anything hidden. They stay in the tree (removing hundreds of them costs more than skipping them);
     * measuring and rendering skip them.
     */
    static boolean isNeverText(Element el) {
        String tag = el.normalName();
        if (tag.equals("noscript")) {
            // Usually "enable JavaScript" or a tracking pixel; on some blogs the whole post, for crawlers.
            return el.wholeText().length() < NOSCRIPT_ARTICLE;
        }
        return NEVER_TEXT.contains(tag) || isHidden(el);
    }

    /** True for elements the page hides from every reader: hidden, aria-hidden or styled invisible. */
    static boolean isHidden(Element el) {
        if (el.attributesSize() == 0) {
            return false;
        }
        if (el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))) {
            return true;
        }
        String style = el.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    /**
     * Collects furniture top-down. Verdicts on class and id names are cached per page: templates repeat
     * the same few names on hundreds of elements.
     */
    private static void collectFurniture(Element el, NodeStats stats, int pageText, Map<String, Boolean> names,
                                         List<Element> out) {
        for (Element child = el.firstElementChild(); child != null; child = child.nextElementSibling()) {
            NodeStats.Counts c = stats.get(child);
            if (c.text == 0 && c.paragraphs == 0) {
                continue;
            }
            if (c.marked == 0 && isFurniture(child, names) && !dominates(c, pageText)) {
                out.add(child);
            } else {
                collectFurniture(child, stats, pageText, names, out);
            }
        }
    }

    static boolean isFurniture(Element el) {
        return isFurniture(el, new HashMap<>());
    }

    private static boolean isFurniture(Element el, Map<String, Boolean> names) {
        String tag = el.normalName();
        if (BOILERPLATE_TAGS.contains(tag) || tag.equals("figcaption")) {
            return true;
        }
        if (tag.equals("figure")) {
            // Media are gone by now; a figure that held only them and a caption has no prose child.
            for (Element child = el.firstElementChild(); child != null; child = child.nextElementSibling()) {
                if (FIGURE_PROSE.contains(child.normalName())) {
                    return false;
                }
            }
            return true;
        }
        String role = el.attr("role");
        if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (tag.equals("article") || tag.equals("main") || tag.equals("body")
                || el.attr("itemprop").equals("articleBody")) {
            return false;
        }
        String cls = el.className();
        String id = el.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return false;
        }
        return names.computeIfAbsent(cls + " " + id, BoilerplateFilter::isFurnitureName);
    }

    private static boolean isFurnitureName(String classAndId) {
        String names = classAndId.toLowerCase(Locale.ROOT);
        if (!BOILERPLATE_NAMES.matcher(names).find()) {
            return false;
        }
        return BOILERPLATE_NAMES.matcher(TAXONOMY_CLASSES.matcher(names).replaceAll("")).find();
    }

    /** An element holding most of the page's text is the page, even when a theme names it "has-sidebar". */
    private static boolean dominates(NodeStats.Counts c, int pageText) {
        return pageText > 0 && c.text - c.link >= PROTECTED_SHARE * pageText;
    }
}
