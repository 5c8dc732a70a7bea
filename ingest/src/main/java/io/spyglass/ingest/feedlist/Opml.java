package io.spyglass.ingest.feedlist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads the feed subscriptions of an OPML file (what feed readers export), refusing DOCTYPEs as feeds do. */
public final class Opml {

    private Opml() {
    }

    /**
     * The http(s) feeds of every {@code <outline xmlUrl=...>} at any depth, in document order, each once; an outline's
     * {@code title} (else {@code text}) becomes the feed's name.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming {@code source} when the document is not readable OPML
     */
    public static List<FeedSource> read(byte[] opml, String source, Duration interval) {
        Element root;
        try {
            root = builder().parse(new ByteArrayInputStream(opml)).getDocumentElement();
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(source + ": not valid XML at line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(source + ": not valid XML: " + e.getMessage());
        }
        if (!root.getTagName().equalsIgnoreCase("opml")) {
            throw new IllegalArgumentException(source + ": not OPML: the root element is <" + root.getTagName() + ">");
        }
        Map<URI, FeedSource> feeds = new LinkedHashMap<>();
        NodeList outlines = root.getElementsByTagName("outline");
        for (int i = 0; i < outlines.getLength(); i++) {
            Element outline = (Element) outlines.item(i);
            URI url = httpUrl(outline.getAttribute("xmlUrl"));
            if (url != null) {
                String name = !outline.getAttribute("title").isBlank() ? outline.getAttribute("title") : outline.getAttribute("text");
                feeds.putIfAbsent(url, new FeedSource(url, name.isBlank() ? null : name.strip(), interval));
            }
        }
        return new ArrayList<>(feeds.values());
    }

    private static URI httpUrl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints parse errors to stderr before throwing them
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports disallow-doctype-decl", e);
        }
    }
}
