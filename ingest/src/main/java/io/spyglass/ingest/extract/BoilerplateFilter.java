package io.spyglass.ingest.extract;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what is never article text from a page body: scripts and media, hidden elements, navigation,
 * page headers and footers, asides, cookie and consent banners, share bars, related and recommended links,
 * comments, newsletter boxes, figures with their captions and credits, and forms.
 */
final class BoilerplateFilter {

    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "video", "audio", "map", "button", "input", "select", "textarea", "option",
            "link", "meta", "dialog", "head", "picture", "img", "source", "math");
    /** Not {@code header}: article headers hold the lead paragraph; the site header is role=banner or nav. */
    private static final Set<String> BOILERPLATE_TAGS = Set.of("nav", "aside", "footer", "form", "menu");
    private static final Set<String> BOILERPLATE_ROLES = Set.of("navigation", "banner", "contentinfo",
            "complementary", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar", "tablist");
    /** Class and id words that mark page furniture; matched at word starts within the attribute values. */
    private static final Pattern BOILERPLATE_NAMES = Pattern.compile("(?:^|[\\s_-])(?:"
            + "comment(?!ary)|kommentar|disqus|replies|respond"
            + "|share|sharing|social|shariff|sociable"
            + "|cookie|consent|gdpr|cmp-"
            + "|newsletter|subscri|signup|sign-up|abonn|login|regwall|paywall|piano"
            + "|related|recommend|empfehl|more-?(?:stories|articles|news)|read-?more|weitere|also-?read|outbrain|taboola"
            + "|breadcrumb|pagination|pager(?:$|[\\s_-])|sidebar|widget|footer|navbar|navigation|nav(?:$|[\\s_-])|menu"
            + "|popup|modal|overlay|banner|advert|ads?(?:$|[\\s_-])|ad-|anzeige|sponsor|promo"
            + "|tags(?:$|[\\s_-])|tag-?(?:list|cloud)|tagcloud|keywords|byline|author|autor|about-?author"
            + "|post-?meta|entry-?meta|article-?meta|meta(?:$|[\\s_-])|caption|credit|copyright|toc(?:$|[\\s_-])"
            + "|print(?:$|[\\s_-])|toolbar|skip|sr-only|visually-?hidden|screen-?reader|hidden(?:$|\\s)"
            + "|rating|survey|poll(?:$|[\\s_-])|slideshow|carousel|gallery|lightbox)",
            Pattern.CASE_INSENSITIVE);
    /** Blog engines tag posts with their categories ("tag-social", "category-comments"): names, not roles. */
    private static final Pattern TAXONOMY_CLASSES = Pattern.compile(
            "(?i)(?:^|\\s)(?:tag|category|categories|cat|topic|format|type|status)-\\S*");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** Share of the page's non-link text above which an element is kept whatever its name says. */
    private static final double PROTECTED_SHARE = 0.4;

    private BoilerplateFilter() {
    }

    /** Removes boilerplate under the root in place. */
    static void clean(Element root) {
        List<Element> obvious = new ArrayList<>();
        collectNeverText(root, obvious);
        obvious.forEach(Element::remove);

        NodeStats stats = NodeStats.of(root);
        NodeStats.Counts total = stats.get(root);
        int pageText = total.text - total.link;
        Set<Element> protectedEls = protectedElements(root);
        List<Element> furniture = new ArrayList<>();
        collectFurniture(root, root, stats, pageText, protectedEls, furniture);
        furniture.forEach(Element::remove);
    }

    private static void collectNeverText(Element el, List<Element> out) {
        for (Element child : el.children()) {
            if (NEVER_TEXT.contains(child.normalName()) || isHidden(child)) {
                out.add(child);
            } else {
                collectNeverText(child, out);
            }
        }
    }

    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))) {
            return true;
        }
        String style = el.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    private static void collectFurniture(Element el, Element root, NodeStats stats, int pageText,
                                         Set<Element> protectedEls, List<Element> out) {
        for (Element child : el.children()) {
            if (isFurniture(child) && !protectedEls.contains(child) && !dominates(child, stats, pageText)) {
                out.add(child);
            } else {
                collectFurniture(child, root, stats, pageText, protectedEls, out);
            }
        }
    }

    static boolean isFurniture(Element el) {
        String tag = el.normalName();
        if (BOILERPLATE_TAGS.contains(tag) || tag.equals("figcaption")) {
            return true;
        }
        if (tag.equals("figure")) {
            return el.selectFirst("img, picture, video, iframe, svg") != null || el.children().isEmpty();
        }
        String role = el.attr("role");
        if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (tag.equals("article") || tag.equals("main") || tag.equals("body")
                || el.attr("itemprop").equals("articleBody")) {
            return false;
        }
        String names = TAXONOMY_CLASSES.matcher(el.className()).replaceAll("") + " " + el.id();
        return names.length() > 1 && BOILERPLATE_NAMES.matcher(names).find();
    }

    /** An element holding most of the page's text is the page, even when a theme names it "has-sidebar". */
    private static boolean dominates(Element el, NodeStats stats, int pageText) {
        NodeStats.Counts c = stats.get(el);
        return pageText > 0 && c.text - c.link >= PROTECTED_SHARE * pageText;
    }

    /** Elements that contain an explicitly marked article body, so that a furniture name never removes it. */
    private static Set<Element> protectedElements(Element root) {
        Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element body : root.select("[itemprop=articleBody], [itemprop=text], main, [role=main]")) {
            for (Element e = body; e != null && out.add(e); e = e.parent()) {
                // marks the element and its ancestors
            }
        }
        return out;
    }
}
