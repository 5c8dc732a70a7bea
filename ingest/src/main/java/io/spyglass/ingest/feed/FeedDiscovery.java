package io.spyglass.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds an HTML page announces ({@code <link rel="alternate" type="application/rss+xml" href="...">}, the
 * autodiscovery convention browsers and feed readers follow), so that a site's home page configured as a feed still
 * gets polled. Pure.
 */
public final class FeedDiscovery {
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/rdf+xml");

    private FeedDiscovery() {
    }

    /**
     * The http(s) feed URLs the page links, absolute, in page order without repeats: by convention a site lists its
     * main feed first and its comment feeds after it.
     *
     * @param html    the page's bytes; its charset is taken from a byte order mark or a meta tag, else UTF-8
     * @param pageUrl the URL the page came from, to resolve relative links
     */
    public static List<URI> feedLinks(byte[] html, URI pageUrl) {
        Document page;
        try {
            page = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an in-memory page", e);
        }
        Set<URI> feeds = new LinkedHashSet<>();
        for (Element link : page.select("link[href][type]")) {
            String type = link.attr("type").strip().toLowerCase(Locale.ROOT);
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            if (alternate && FEED_TYPES.contains(type)) {
                URI url = httpUrl(link.absUrl("href"));
                if (url != null) {
                    feeds.add(url);
                }
            }
        }
        return List.copyOf(feeds);
    }

    private static URI httpUrl(String href) {
        try {
            URI url = new URI(href);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            // percent-encoded, as it will be requested: a page may spell a path in any charset
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                    ? URI.create(url.toASCIIString()) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
