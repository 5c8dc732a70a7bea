package io.spyglass.ingest.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads title, authors, dates, language, canonical URL, site name, image, description and the structured
 * article body from a page: JSON-LD first, then Open Graph and other meta tags, then markup.
 */
final class MetadataExtractor {

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»/]{1,2}\\s+|:\\s+");
    static final Pattern AUTHOR_SPLIT = Pattern.compile("\\s*(?:,|;|\\s&\\s|\\sand\\s|\\sund\\s)\\s*");
    static final Pattern BY_PREFIX = Pattern.compile("(?i)^(by|von|par|por|di|door|av)\\s+");
    private static final String[] PAYWALL_MARKERS = {"paywall", "regwall", "piano-offer", "subscriber-only",
            "premium-content", "plus-content", "metered-content"};
    private static final String[] META_KEYS = {"property", "name", "itemprop", "http-equiv"};
    private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");

    private MetadataExtractor() {
    }

    /** Reads the metadata of a parsed page; never null. The document is not changed. */
    static PageMetadata extract(Document doc, URI url) {
        var scan = new Scan();
        scan.visit(doc);
        var meta = scan.meta;
        var ld = scan.ld;
        String siteName = firstNonBlank(meta.get("og:site_name"), ld.publisher, meta.get("application-name"));
        String rawTitle = firstNonBlank(meta.get("og:title"), ld.headline, meta.get("twitter:title"));
        if (rawTitle == null) {
            rawTitle = scan.h1 != null && !scan.h1.text().isBlank() ? scan.h1.text() : doc.title();
        }
        String title = cleanTitle(rawTitle, siteName, url);

        List<String> authors = !ld.authors.isEmpty() ? List.copyOf(ld.authors) : markupAuthors(scan);

        Instant published = firstDate(ld.published, meta.get("article:published_time"), meta.get("datepublished"),
                meta.get("og:published_time"), meta.get("publishdate"), meta.get("publish-date"),
                meta.get("pubdate"), meta.get("date"), meta.get("dc.date"), meta.get("dc.date.issued"),
                meta.get("dcterms.created"), meta.get("dcterms.date"), meta.get("sailthru.date"),
                meta.get("parsely-pub-date"), meta.get("article.published"), meta.get("citation_publication_date"),
                scan.datePublished, scan.time);
        Instant modified = firstDate(ld.modified, meta.get("article:modified_time"), meta.get("og:updated_time"),
                meta.get("datemodified"), meta.get("dcterms.modified"), meta.get("last-modified"));

        String canonical = scan.canonical == null ? null : absolute(scan.canonical, "href");
        if (canonical == null) {
            canonical = resolve(url, firstNonBlank(meta.get("og:url"), ld.url));
        }
        String image = resolve(url, firstNonBlank(meta.get("og:image"), meta.get("og:image:url"),
                meta.get("twitter:image"), meta.get("twitter:image:src"), ld.image));
        String description = firstNonBlank(meta.get("og:description"), meta.get("description"),
                ld.description, meta.get("twitter:description"));
        Element html = doc.firstElementChild();
        String language = language(firstNonBlank(html == null ? null : html.attr("lang"),
                html == null ? null : html.attr("xml:lang"), meta.get("content-language"),
                meta.get("og:locale"), meta.get("dc.language"), ld.language));
        boolean free = ld.accessibleForFree && !"false".equalsIgnoreCase(meta.get("isaccessibleforfree"));

        return new PageMetadata(title, authors, published, modified, language, canonical,
                clean(siteName), image, clean(description), ld.body, free, scan.paywallMarkup);
    }

    /** Everything metadata needs from the markup, gathered in one walk over the page. */
    private static final class Scan {
        final Map<String, String> meta = new HashMap<>();
        final JsonLdArticle ld = new JsonLdArticle();
        final List<Element> authors = new ArrayList<>();
        Element h1;
        Element canonical;
        String datePublished;
        String time;
        boolean paywallMarkup;

        void visit(Document doc) {
            for (Element el : doc.getAllElements()) {
                switch (el.normalName()) {
                    case "meta" -> meta(el);
                    case "script" -> {
                        if (el.attr("type").equalsIgnoreCase("application/ld+json")) {
                            ld.read(el.data());
                        }
                    }
                    case "link" -> {
                        if (canonical == null && el.attr("rel").equalsIgnoreCase("canonical") && el.hasAttr("href")) {
                            canonical = el;
                        }
                    }
                    case "h1" -> {
                        if (h1 == null) {
                            h1 = el;
                        }
                    }
                    case "time" -> {
                        if (time == null && el.hasAttr("datetime")) {
                            time = el.attr("datetime");
                        }
                    }
                    default -> { }
                }
                if (el.attributesSize() > 0) {
                    if (!paywallMarkup && (isPaywall(el.className()) || isPaywall(el.id()))) {
                        paywallMarkup = true;
                    }
                    String itemprop = el.attr("itemprop");
                    if (itemprop.equals("author") || el.attr("rel").equals("author") && !el.nameIs("link")) {
                        authors.add(el);
                    } else if (itemprop.equals("datePublished") && datePublished == null) {
                        datePublished = el.hasAttr("datetime") ? el.attr("datetime") : el.attr("content");
                    }
                }
            }
        }

        private static boolean isPaywall(String name) {
            if (name.isEmpty()) {
                return false;
            }
            for (String marker : PAYWALL_MARKERS) {
                if (name.contains(marker)) {
                    return true;
                }
            }
            return false;
        }

        private void meta(Element el) {
            String content = el.attr("content");
            if (content.isBlank()) {
                return;
            }
            for (String key : META_KEYS) {
                String name = el.attr(key);
                if (!name.isEmpty()) {
                    meta.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), content.trim());
                }
            }
        }
    }

    private static List<String> markupAuthors(Scan scan) {
        var names = new LinkedHashSet<String>();
        for (String key : new String[]{"author", "article:author", "dc.creator", "parsely-author",
                "sailthru.author", "byl", "citation_author"}) {
            String value = scan.meta.get(key);
            if (value != null && !value.startsWith("http")) {
                for (String name : AUTHOR_SPLIT.split(BY_PREFIX.matcher(value).replaceFirst(""))) {
                    addAuthor(names, name);
                }
                break;
            }
        }
        if (names.isEmpty()) {
            for (Element el : scan.authors) {
                Element name = el.selectFirst("[itemprop=name]");
                addAuthor(names, BY_PREFIX.matcher(name != null ? name.text() : el.text()).replaceFirst(""));
            }
        }
        return List.copyOf(names);
    }

    static void addAuthor(Set<String> names, String raw) {
        String name = clean(raw);
        // Long values are bylines with job titles or whole sentences, not names.
        if (name != null && name.length() <= 60 && !name.startsWith("http")) {
            names.add(name);
        }
    }

    private static Instant firstDate(String... values) {
        for (String value : values) {
            Instant instant = DateParser.parse(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    static String cleanTitle(String raw, String siteName, URI url) {
        String title = clean(raw);
        if (title == null) {
            return "";
        }
        var matcher = TITLE_SEPARATOR.matcher(title);
        int lastStart = -1;
        int lastEnd = -1;
        int firstStart = -1;
        int firstEnd = -1;
        while (matcher.find()) {
            if (firstStart < 0) {
                firstStart = matcher.start();
                firstEnd = matcher.end();
            }
            lastStart = matcher.start();
            lastEnd = matcher.end();
        }
        if (lastStart < 0) {
            return title;
        }
        String tail = title.substring(lastEnd);
        String head = title.substring(0, firstStart);
        if (isSiteName(tail, siteName, url)) {
            return title.substring(0, lastStart).trim();
        }
        if (isSiteName(head, siteName, url)) {
            return title.substring(firstEnd).trim();
        }
        // A short last segment after a pipe is a site or section name; dashes are too common in headlines.
        if (title.charAt(lastStart + 1) == '|' || title.substring(lastStart, lastEnd).contains("|")) {
            String before = title.substring(0, lastStart).trim();
            if (words(tail) <= 4 && words(before) > words(tail)) {
                return before;
            }
        }
        return title;
    }

    private static boolean isSiteName(String segment, String siteName, URI url) {
        String s = segment.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return false;
        }
        if (siteName != null && s.equals(siteName.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (url != null && url.getHost() != null) {
            String host = url.getHost().toLowerCase(Locale.ROOT);
            String compact = s.replace(" ", "");
            return host.equals(s) || host.endsWith("." + s)
                    || compact.length() >= 3 && (host.startsWith(compact + ".") || host.contains("." + compact + "."));
        }
        return false;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.trim().split("\\s+").length;
    }

    private static String language(String declared) {
        if (declared == null) {
            return null;
        }
        var m = LANGUAGE.matcher(declared.trim());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String absolute(Element el, String attr) {
        if (el == null) {
            return null;
        }
        String abs = el.absUrl(attr);
        return abs.isEmpty() ? null : abs;
    }

    private static String resolve(URI base, String href) {
        if (href == null) {
            return null;
        }
        try {
            URI ref = new URI(href.trim().replace(" ", "%20"));
            if (ref.isAbsolute()) {
                return ref.toString();
            }
            return base == null ? null : base.resolve(ref).toString();
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            return null;
        }
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Whitespace-normalised text with entities that were double-escaped in attributes decoded; null if blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String text = s.indexOf('&') >= 0 ? Parser.unescapeEntities(s, false) : s;
        text = TextNormaliser.collapse(text);
        return text.isEmpty() ? null : text;
    }
}
