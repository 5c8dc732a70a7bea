package io.spyglass.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom bytes with ROME, refusing DOCTYPEs so XXE and entity bombs cannot run, and
 * JSON Feed with Jackson.
 */
public final class FeedParser {

    private FeedParser() {
    }

    /**
     * Parses a feed body.
     *
     * @param body        the raw bytes
     * @param contentType the HTTP Content-Type (its charset is used when the XML prolog has none), or null
     * @param feedUrl     the URL the feed was fetched from, to resolve relative links
     * @throws FeedParseException with a message that says what is wrong (line and column when known)
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI feedUrl) throws FeedParseException {
        return parse(body, contentType, feedUrl, ItemWindow.ALL);
    }

    /**
     * Parses a feed body, building only the items {@code window} keeps; the others are counted in
     * {@link ParsedFeed#notRead()}. An untrusted feed is parsed with a bounded window: ROME builds a tree and an entry
     * for every item it is given, so a feed of 100,000 small items would otherwise need a heap many times its size.
     *
     * @see #parse(byte[], String, URI)
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI feedUrl, ItemWindow window) throws FeedParseException {
        Objects.requireNonNull(window, "window");
        refuseNonFeeds(body, contentType);
        if (isJson(body)) {
            return JsonFeedParser.parse(body, feedUrl, window);
        }
        Built built;
        try (Reader reader = open(body, contentType)) {
            built = buildRepairingIfNeeded(readAll(reader), window);
        } catch (FeedException e) {
            // ROME reports a document it cannot map as a bare "Invalid XML" whose cause says what was missing, in
            // an RSS without <channel> as a NullPointerException about its own variable
            Throwable cause = e.getCause();
            String detail = cause instanceof NullPointerException && String.valueOf(cause.getMessage()).contains("eChannel")
                    ? " (no <channel> element)"
                    : cause instanceof RuntimeException && cause.getMessage() != null ? " (" + oneLine(cause.getMessage()) + ")" : "";
            throw new FeedParseException("not a valid RSS/Atom feed: " + oneLine(e.getMessage()) + detail, e);
        } catch (IOException | RuntimeException e) {
            throw new FeedParseException("unreadable feed: " + oneLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw new FeedParseException("unreadable feed: too deeply nested to parse", e);
        }
        SyndFeed feed = built.feed();
        List<FeedItem> items = new ArrayList<>();
        int skipped = 0;
        for (SyndEntry entry : feed.getEntries()) {
            URI link = link(entry, feedUrl);
            if (link == null) {
                skipped++;
                continue;
            }
            items.add(new FeedItem(link, normalise(entry.getTitle()), time(entry), authors(entry), content(entry)));
        }
        return new ParsedFeed(normalise(feed.getTitle()), items, skipped, built.notRead());
    }

    /** ROME's feed and the number of items the window left out of it. */
    private record Built(SyndFeed feed, int notRead) {
    }

    /**
     * Builds the feed, and when the strict parse fails, tries once more on a repaired copy: publishers' commonest
     * faults (a stray control character, a bare &amp; in a link, a forgotten namespace) would otherwise cost every
     * item of the feed. When the repair does not help, the first error is what is reported.
     */
    private static Built buildRepairingIfNeeded(String xml, ItemWindow window) throws FeedException, FeedParseException {
        try {
            return build(xml, window);
        } catch (FeedException | IllegalArgumentException | XMLStreamException e) {
            String repaired = XmlRepair.repaired(xml);
            if (!repaired.equals(xml)) {
                try {
                    return build(repaired, window);
                } catch (FeedException | RuntimeException | XMLStreamException again) {
                    // reported below: the first error says what the publisher got wrong
                }
            }
            if (e instanceof XMLStreamException x) {
                // only a document with more items than the window reaches the pre-pass, so a huge one broken
                // somewhere is refused without ever building its items
                throw new FeedParseException("not a valid RSS/Atom feed: " + oneLine(x.getMessage()), x);
            }
            if (e instanceof IllegalArgumentException) {
                // ROME's bare "Invalid document": well-formed XML in no format it knows
                throw new FeedParseException("not a feed: the root element <" + XmlRepair.rootElementName(xml)
                        + "> is not RSS, RSS 1.0 (RDF with a channel) or Atom", e);
            }
            throw (FeedException) e;
        }
    }

    private static Built build(String xml, ItemWindow window) throws FeedException, XMLStreamException {
        ItemSelection.Selected selected = ItemSelection.select(xml, window);
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return new Built(input.build(new StringReader(selected.xml())), selected.dropped());
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    /**
     * A reader of the document's characters: ROME's XmlReader (BOM, prolog, HTTP charset) except for UTF-32 and for
     * UTF-16 without a byte order mark, which it misreads as UTF-8 and which the XML spec's signatures (Appendix F)
     * identify.
     */
    private static Reader open(byte[] body, String contentType) throws IOException {
        Charset wide = wideCharset(body);
        if (wide == null) {
            try {
                return new XmlReader(new ByteArrayInputStream(body), contentType, true);
            } catch (UnsupportedEncodingException | IllegalCharsetNameException | UnsupportedCharsetException e) {
                // a misspelt or made-up encoding name (encoding="utf8x") is the publisher's typo; read the bytes as
                // browsers do, as UTF-8 when they are valid UTF-8, else as windows-1252 (the XML parser ignores the
                // prolog's encoding once it is given characters)
                return text(body, isUtf8(body) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
            }
        }
        return text(body, wide);
    }

    private static Reader text(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset wideCharset(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        int sig = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return switch (sig) {
            case 0x0000003C, 0x0000FEFF -> Charset.forName("UTF-32BE");
            case 0x3C000000, 0xFFFE0000 -> Charset.forName("UTF-32LE");
            case 0x003C003F -> StandardCharsets.UTF_16BE;
            case 0x3C003F00 -> StandardCharsets.UTF_16LE;
            default -> null;
        };
    }

    private static boolean isJson(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            // skip whitespace and a UTF-8 byte order mark
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** True when the body starts, after a byte order mark and white space, as an HTML page does. */
    public static boolean isHtmlPage(byte[] body) {
        String start = start(body);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String start(byte[] body) {
        return new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** Says plainly what came instead of a feed in the two commonest cases, which XML errors only hint at. */
    private static void refuseNonFeeds(byte[] body, String contentType) throws FeedParseException {
        if (start(body).isEmpty()) {
            throw new FeedParseException("not a feed: the body is empty");
        }
        if (isHtmlPage(body)) {
            throw new FeedParseException("not a feed: got an HTML page"
                    + (contentType == null ? "" : " (Content-Type: " + contentType + ")"));
        }
    }

    private static URI link(SyndEntry entry, URI feedUrl) {
        List<String> candidates = new ArrayList<>();
        candidates.add(entry.getLink());
        entry.getLinks().forEach(l -> {
            if (l.getRel() == null || l.getRel().equals("alternate")) {
                candidates.add(l.getHref());
            }
        });
        for (String candidate : candidates) {
            URI uri = httpUri(feedUrl, candidate);
            if (uri != null) {
                return uri;
            }
        }
        // An RSS guid or Atom id names the item; it is a usable link only when it is already an absolute
        // http(s) URL: resolving an opaque guid such as "12345" against the feed URL would invent a page.
        String id = entry.getUri();
        if (id != null && id.strip().regionMatches(true, 0, "http", 0, 4)) {
            URI uri = httpUri(null, id);
            if (uri != null && uri.isAbsolute()) {
                return uri;
            }
        }
        return null;
    }

    /** {@code candidate} resolved against {@code base} (when not null) if that gives an http(s) URL with a host, else null. */
    static URI httpUri(URI base, String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(candidate.strip().replace(" ", "%20"));
            if (base != null) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a URL: the caller tries its next candidate
        }
        return null;
    }

    private static Instant time(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static List<String> authors(SyndEntry entry) {
        List<String> names = new ArrayList<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (person.getName() != null && !person.getName().isBlank()) {
                names.add(normalise(person.getName()));
            }
        }
        if (names.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            names.add(normalise(entry.getAuthor()));
        }
        return names;
    }

    private static String content(SyndEntry entry) {
        String best = "";
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && c.getValue().length() > best.length()) {
                best = c.getValue();
            }
        }
        if (best.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            best = entry.getDescription().getValue();
        }
        return best;
    }

    static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.replaceAll("\\s+", " ").strip();
    }
}
