package io.spyglass.ingest.feed;

import com.rometools.rome.io.impl.DateParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import javax.xml.namespace.QName;

/**
 * A streaming pre-pass over an RSS or Atom document that drops the items an {@link ItemWindow} does not keep, so
 * ROME, which builds a tree and an entry for every item, only ever sees a bounded number. The pass reads each item's
 * date with StAX (DTDs unsupported, external entities off: a document with a DOCTYPE is handed on untouched, for ROME
 * to refuse), ranks the items newest first as the poll's cap does, and copies the document without the items out of
 * the window. A document with no more items than the window's head is not touched at all.
 */
final class ItemSelection {
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final Set<String> ITEM_NAMESPACES = Set.of("", "http://purl.org/rss/1.0/",
            "http://my.netscape.com/rdf/simple/0.9/");
    private static final Set<String> ENTRY_NAMESPACES = Set.of("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#");
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    /** Items deeper than this (rss, channel, item) are not a feed's items. */
    private static final int MAX_ITEM_DEPTH = 3;
    private static final int INDEX_BITS = 22;
    /** Dates are ranked in seconds since 1970, clamped to 34 bits (until the year 2514). */
    private static final long MAX_SECONDS = (1L << 34) - 1;
    private static final long UNDATED = MAX_SECONDS + 1;

    private ItemSelection() {
    }

    /**
     * The document to build, how many items it listed and how many were dropped.
     *
     * @param xml     the document to give ROME; the input itself when nothing was dropped
     * @param listed  items the document lists, or -1 when it was not counted (no more than the window's head can be
     *                in it)
     * @param dropped items left out
     */
    record Selected(String xml, int listed, int dropped) {
    }

    /** Keeps the items {@code window} keeps, by newest-first rank. */
    static Selected select(String xml, ItemWindow window) throws XMLStreamException {
        if (window.head() == Integer.MAX_VALUE || mostItems(xml) <= window.head()) {
            return new Selected(xml, -1, 0);
        }
        long[] dates = dates(xml);
        if (dates == null) {
            // a DOCTYPE: ROME refuses it before it reads any item
            return new Selected(xml, -1, 0);
        }
        int listed = dates.length;
        if (listed <= window.head()) {
            return new Selected(xml, listed, 0);
        }
        boolean[] keep = keep(dates, window);
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        if (kept == listed) {
            return new Selected(xml, listed, 0);
        }
        return new Selected(copy(xml, keep), listed, listed - kept);
    }

    /**
     * An upper bound on the items in {@code xml}, without parsing: every item or entry element starts with
     * {@code <item}, {@code <entry} or a prefixed {@code :item}, {@code :entry}.
     */
    static int mostItems(String xml) {
        return count(xml, "<item") + count(xml, ":item") + count(xml, "<entry") + count(xml, ":entry");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    /** Each item's date key in document order (see {@link #key}), or null when the document has a DOCTYPE. */
    private static long[] dates(String xml) throws XMLStreamException {
        XMLStreamReader r = INPUT.createXMLStreamReader(new StringReader(xml));
        try {
            long[] dates = new long[1024];
            int n = 0;
            int depth = 0;
            int itemDepth = -1;
            // the item's date candidates: 0 its publication date, 1 dc:date, 2 its update time
            String[] found = new String[3];
            int reading = -1;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        return null;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (itemDepth < 0 && isItem(depth, r.getNamespaceURI(), r.getLocalName())) {
                            itemDepth = depth;
                            Arrays.fill(found, null);
                        } else if (itemDepth >= 0 && depth == itemDepth + 1) {
                            reading = dateKind(r.getNamespaceURI(), r.getLocalName());
                            text.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (reading >= 0 && text.length() < 256) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (reading >= 0 && depth == itemDepth + 1) {
                            if (found[reading] == null) {
                                found[reading] = text.toString();
                            }
                            reading = -1;
                        } else if (depth == itemDepth) {
                            if (n == dates.length) {
                                dates = Arrays.copyOf(dates, n * 2);
                            }
                            dates[n++] = key(found);
                            itemDepth = -1;
                        }
                        depth--;
                    }
                    default -> { }
                }
            }
            if (n >= 1 << INDEX_BITS) {
                throw new XMLStreamException("more than " + ((1 << INDEX_BITS) - 1) + " items");
            }
            return Arrays.copyOf(dates, n);
        } finally {
            r.close();
        }
    }

    private static boolean isItem(int depth, String namespace, String local) {
        String ns = namespace == null ? "" : namespace;
        return depth <= MAX_ITEM_DEPTH && ("item".equals(local) && ITEM_NAMESPACES.contains(ns)
                || "entry".equals(local) && ENTRY_NAMESPACES.contains(ns));
    }

    /** 0 for the publication date, 1 for dc:date, 2 for the update time, -1 for any other child. */
    private static int dateKind(String namespace, String local) {
        String ns = namespace == null ? "" : namespace;
        if (ns.isEmpty()) {
            return "pubDate".equals(local) ? 0 : -1;
        }
        if (DC.equals(ns)) {
            return "date".equals(local) ? 1 : -1;
        }
        if (ENTRY_NAMESPACES.contains(ns)) {
            return switch (local) {
                case "published", "issued" -> 0;
                case "updated", "modified" -> 2;
                default -> -1;
            };
        }
        return -1;
    }

    /**
     * The item's sort key, smaller for newer: as {@code FeedParser} dates an item, its publication date, else its
     * update time, the first of them that parses; undated items sort after every dated one.
     */
    private static long key(String[] found) {
        for (String candidate : found) {
            if (candidate != null && !candidate.isBlank()) {
                Date date = DateParser.parseDate(candidate.strip(), Locale.US);
                if (date != null) {
                    return key(date.getTime());
                }
            }
        }
        return UNDATED;
    }

    /** The sort key of an item published at {@code epochMillis}, or of an undated one when null. */
    static long key(Long epochMillis) {
        if (epochMillis == null) {
            return UNDATED;
        }
        return MAX_SECONDS - Math.max(0, Math.min(MAX_SECONDS, Math.floorDiv(epochMillis, 1000)));
    }

    /** Which items, by document index, the window keeps, given each item's {@link #key}. */
    static boolean[] keep(long[] dates, ItemWindow window) {
        if (dates.length >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("more than " + (1 << INDEX_BITS) + " items");
        }
        long[] order = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            // key, then document order for ties, in one sortable long
            order[i] = dates[i] << INDEX_BITS | i;
        }
        Arrays.sort(order);
        boolean[] keep = new boolean[dates.length];
        for (int rank = 0; rank < order.length; rank++) {
            if (window.keeps(rank)) {
                keep[(int) (order[rank] & ((1L << INDEX_BITS) - 1))] = true;
            }
        }
        return keep;
    }

    /** {@code xml} without the items {@code keep} does not keep, event by event. */
    private static String copy(String xml, boolean[] keep) throws XMLStreamException {
        XMLEventReader in = INPUT.createXMLEventReader(new StringReader(xml));
        StringWriter out = new StringWriter(xml.length() / 2);
        XMLEventWriter writer = OUTPUT.createXMLEventWriter(out);
        try {
            int depth = 0;
            int index = 0;
            int itemDepth = -1;
            boolean skipping = false;
            while (in.hasNext()) {
                XMLEvent event = in.nextEvent();
                if (event.isStartElement()) {
                    depth++;
                    QName name = ((StartElement) event).getName();
                    // the same items, in the same order, as dates() counted
                    if (itemDepth < 0 && isItem(depth, name.getNamespaceURI(), name.getLocalPart())) {
                        itemDepth = depth;
                        skipping = !keep[index++];
                    }
                } else if (event.isEndElement()) {
                    depth--;
                    if (depth + 1 == itemDepth) {
                        itemDepth = -1;
                        if (skipping) {
                            skipping = false;
                            continue;
                        }
                    }
                }
                if (!skipping) {
                    writer.add(event);
                }
            }
            writer.flush();
            return out.toString();
        } finally {
            writer.close();
            in.close();
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // no DTD processing and no external entities: the pre-pass must be as safe as the parser after it
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException e) {
            // a StAX implementation without the JAXP 1.5 properties: SUPPORT_DTD false already keeps DTDs out
        }
        return f;
    }
}
