package io.spyglass.ingest.feed;

/**
 * Repairs the two faults that most often make a real feed ill-formed, for a second attempt after the strict parse
 * failed: characters XML 1.0 forbids (a stray vertical tab or form feed pasted into a title), which are dropped, and
 * ampersands that start no entity or character reference ({@code ?a=1&b=2} in a link), which are escaped (but not
 * in CDATA sections, where an ampersand is no fault). Pure.
 */
final class XmlRepair {

    private XmlRepair() {
    }

    /** The document with both faults repaired; the same string when it has neither. */
    static String repaired(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = 0;
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
        return out.length() == xml.length() && out.toString().equals(xml) ? xml : out.toString();
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
