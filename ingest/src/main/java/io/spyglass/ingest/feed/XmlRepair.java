package io.spyglass.ingest.feed;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the faults that most often make a real feed fail the strict parse, for a second attempt: characters XML 1.0
 * forbids (a stray vertical tab or form feed pasted into a title), which are dropped; ampersands that start no entity
 * or character reference ({@code ?a=1&b=2} in a link), which are escaped (but not in CDATA sections, where an
 * ampersand is no fault); namespace prefixes used but never declared ({@code <content:encoded>} in an RSS without
 * {@code xmlns:content}) and an Atom {@code <feed>} without Atom's namespace, which are declared; and a DOCTYPE that only names an external DTD (Netscape's RSS 0.91 one), which the parser
 * refuses and which declares nothing a feed reader needs, so it is dropped. A DOCTYPE with an internal subset stays,
 * and stays refused: that is where entity bombs live. Pure.
 */
final class XmlRepair {
    // The patterns below are matched where a hand-written scan of the prolog ends, never across the prolog: Java
    // regexes recurse once per repetition of a group, and a long comment or a run of white space overflowed the stack.
    /** A DOCTYPE that names only an external DTD. */
    private static final Pattern EXTERNAL_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[\\w:.-]+"
            + "(?:\\s+(?:PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')\\s+|SYSTEM\\s+)(?:\"[^\"]*\"|'[^']*'))?\\s*>");
    /** Any DOCTYPE, its internal subset included. */
    private static final Pattern ANY_DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(?:\\[[^\\]]*\\])?\\s*>");
    /** The start of an element, its name in group 1. */
    private static final Pattern ELEMENT_NAME = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    /** Group 1: a prefixed element name; group 2: a prefixed attribute name. */
    private static final Pattern PREFIX_USE = Pattern.compile(
            "</?([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=\\s*[\"']");
    private static final Pattern PREFIX_DECLARATION = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Pattern DEFAULT_NAMESPACE = Pattern.compile("\\sxmlns\\s*=");
    private static final Map<String, String> WELL_KNOWN_NAMESPACES = Map.of(
            "content", "http://purl.org/rss/1.0/modules/content/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "dcterms", "http://purl.org/dc/terms/",
            "atom", "http://www.w3.org/2005/Atom",
            "media", "http://search.yahoo.com/mrss/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/",
            "wfw", "http://wellformedweb.org/CommentAPI/");

    private XmlRepair() {
    }

    /** The document with these faults repaired; the same string when it has none. */
    static String repaired(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = externalDoctype(xml, out);
        while (i < xml.length()) {
            if (xml.startsWith("<![CDATA[", i)) {
                int end = xml.indexOf("]]>", i);
                int stop = end < 0 ? xml.length() : end + 3;
                appendAllowed(out, xml, i, stop);
                i = stop;
                continue;
            }
            char c = xml.charAt(i);
            if (c == '&' && !startsReference(xml, i)) {
                out.append("&amp;");
                i++;
            } else {
                int next = Character.isHighSurrogate(c) && i + 1 < xml.length() ? i + 2 : i + 1;
                appendAllowed(out, xml, i, next);
                i = next;
            }
        }
        declareMissingNamespaces(out);
        return out.length() == xml.length() && out.toString().equals(xml) ? xml : out.toString();
    }

    /** The root element's name as written, or "?" when there is none. */
    static String rootElementName(String xml) {
        Matcher root = rootElement(xml);
        return root == null ? "?" : root.group(1);
    }

    /** The root element's start up to the end of its name (group 1), past the prolog and a DOCTYPE; or null. */
    private static Matcher rootElement(String xml) {
        int i = afterProlog(xml, 0);
        Matcher doctype = ANY_DOCTYPE.matcher(xml).region(i, xml.length());
        if (doctype.lookingAt()) {
            i = afterProlog(xml, doctype.end());
        }
        Matcher name = ELEMENT_NAME.matcher(xml).region(i, xml.length());
        return name.lookingAt() ? name : null;
    }

    /**
     * The index after the byte order mark, white space, processing instructions (the XML declaration among them) and
     * comments that start at {@code from}.
     */
    private static int afterProlog(String xml, int from) {
        int i = from == 0 && xml.startsWith("\uFEFF") ? 1 : from;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            int end;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                end = i + 1;
            } else if (xml.startsWith("<?", i)) {
                end = xml.indexOf("?>", i + 2);
                end = end < 0 ? -1 : end + 2;
            } else if (xml.startsWith("<!--", i)) {
                end = xml.indexOf("-->", i + 4);
                end = end < 0 ? -1 : end + 3;
            } else {
                return i;
            }
            if (end < 0) {
                return i;
            }
            i = end;
        }
        return i;
    }

    /**
     * Declares on the root element each namespace prefix the document uses but never declares, and Atom's namespace
     * on a root {@code <feed>} that has none, as feed readers assume. A prefix feeds commonly use gets its real
     * namespace, so ROME's modules read {@code content:encoded} or {@code dc:date} as if the publisher had declared
     * it; any other gets a placeholder, which only makes the document well-formed.
     */
    private static void declareMissingNamespaces(StringBuilder xml) {
        Matcher root = rootElement(xml.toString());
        if (root == null) {
            return;
        }
        StringBuilder declarations = new StringBuilder();
        int startTagEnd = xml.indexOf(">", root.end());
        if (root.group(1).equals("feed") && !DEFAULT_NAMESPACE.matcher(xml.subSequence(root.end(),
                startTagEnd < 0 ? xml.length() : startTagEnd)).find()) {
            declarations.append(" xmlns=\"http://www.w3.org/2005/Atom\"");
        }
        Set<String> declared = new HashSet<>(List.of("xml", "xmlns"));
        Matcher declaration = PREFIX_DECLARATION.matcher(xml);
        while (declaration.find()) {
            declared.add(declaration.group(1));
        }
        Set<String> undeclared = new LinkedHashSet<>();
        Matcher use = PREFIX_USE.matcher(xml);
        while (use.find()) {
            String prefix = use.group(1) != null ? use.group(1) : use.group(2);
            if (!declared.contains(prefix)) {
                undeclared.add(prefix);
            }
        }
        undeclared.forEach(prefix -> declarations.append(" xmlns:").append(prefix).append("=\"")
                .append(WELL_KNOWN_NAMESPACES.getOrDefault(prefix, "urn:x-undeclared-prefix:" + prefix)).append('"'));
        xml.insert(root.end(), declarations);
    }

    /**
     * Copies the prolog up to a DOCTYPE without internal subset into {@code out} and returns the index after that
     * DOCTYPE; returns 0, copying nothing, when the prolog has no such DOCTYPE.
     */
    private static int externalDoctype(String xml, StringBuilder out) {
        Matcher doctype = EXTERNAL_DOCTYPE.matcher(xml).region(afterProlog(xml, 0), xml.length());
        if (!doctype.lookingAt()) {
            return 0;
        }
        out.append(xml, 0, doctype.start());
        return doctype.end();
    }

    private static void appendAllowed(StringBuilder out, String xml, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = xml.codePointAt(i);
            if (allowed(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
    }

    /** XML 1.0's Char production; an unpaired surrogate is not one. */
    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** True when the ampersand at {@code i} starts {@code &name;}, {@code &#123;} or {@code &#x1F;}. */
    private static boolean startsReference(String xml, int i) {
        int j = i + 1;
        if (j < xml.length() && xml.charAt(j) == '#') {
            j++;
            boolean hex = j < xml.length() && (xml.charAt(j) == 'x' || xml.charAt(j) == 'X');
            if (hex) {
                j++;
            }
            int digits = j;
            while (j < xml.length() && (hex ? Character.digit(xml.charAt(j), 16) >= 0 : Character.isDigit(xml.charAt(j)))) {
                j++;
            }
            return j > digits && j < xml.length() && xml.charAt(j) == ';';
        }
        int name = j;
        while (j < xml.length() && j - name < 32 && (Character.isLetterOrDigit(xml.charAt(j)) || (j > name
                && (xml.charAt(j) == '_' || xml.charAt(j) == '-' || xml.charAt(j) == '.')))) {
            j++;
        }
        return j > name && Character.isLetter(xml.charAt(name)) && j < xml.length() && xml.charAt(j) == ';';
    }
}
