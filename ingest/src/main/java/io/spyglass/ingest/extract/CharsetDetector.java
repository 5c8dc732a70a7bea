package io.spyglass.ingest.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the character encoding of a page and decodes it: byte-order mark, HTTP header charset, then the
 * {@code <meta charset>} or {@code http-equiv} declaration, then a UTF-8 validity check with windows-1252
 * as the fallback.
 */
final class CharsetDetector {

    /** The HTML spec has browsers look for a declaration in the first 1024 bytes; real pages put it later. */
    private static final int PRESCAN_BYTES = 8192;
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)");
    private static final Pattern META_VALUE = Pattern.compile("\\s*=\\s*[\"']?\\s*([a-z0-9_:.+-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "(?i)^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_:.+-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetDetector() {
    }

    /** The page as text in its detected charset; a byte-order mark is dropped. Never null. */
    static String decode(byte[] body, String contentType) {
        Charset bom = fromBom(body);
        if (bom != null) {
            int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new String(body, skip, body.length - skip, bom);
        }
        Charset declared = declared(body, contentType);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new String(body, declared);
        }
        // Pages often keep a UTF-8 declaration from a template while serving legacy bytes, and the reverse;
        // valid UTF-8 of any length is almost never an accident, so the bytes outvote a UTF-8 declaration.
        String utf8 = new String(body, StandardCharsets.UTF_8);
        return isMostlyValid(utf8) ? utf8 : new String(body, WINDOWS_1252);
    }

    /** The charset {@link #decode} uses for the page; never null. */
    static Charset detect(byte[] body, String contentType) {
        Charset bom = fromBom(body);
        if (bom != null) {
            return bom;
        }
        Charset declared = declared(body, contentType);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return declared;
        }
        return isMostlyValid(new String(body, StandardCharsets.UTF_8)) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** The charset named by the HTTP header, else by a meta tag or XML declaration; null when none is usable. */
    private static Charset declared(byte[] body, String contentType) {
        if (contentType != null) {
            Charset header = named(HEADER_CHARSET.matcher(contentType));
            if (header != null) {
                return header;
            }
        }
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        Charset meta = metaCharset(head);
        return meta != null ? meta : named(XML_ENCODING.matcher(head));
    }

    /**
     * The charset of the first {@code <meta>} tag that declares one, found by searching for "charset" rather
     * than by a regular expression over every tag, which would dominate the cost of decoding.
     */
    private static Charset metaCharset(String head) {
        for (int at = head.indexOf("charset"); at >= 0; at = head.indexOf("charset", at + 7)) {
            int open = head.lastIndexOf('<', at);
            if (open < 0 || head.lastIndexOf('>', at) > open || !head.startsWith("<meta", open)) {
                continue;
            }
            Matcher value = META_VALUE.matcher(head);
            if (value.region(at + 7, Math.min(head.length(), at + 80)).lookingAt()) {
                Charset charset = forLabel(value.group(1));
                if (charset != null) {
                    return charset;
                }
            }
        }
        return null;
    }

    /**
     * True when decoding as UTF-8 replaced at most a few broken sequences, so that one truncated character
     * in a long UTF-8 page does not turn the whole page into windows-1252 mojibake.
     */
    private static boolean isMostlyValid(String utf8) {
        if (utf8.indexOf('\uFFFD') < 0) {
            return true;
        }
        int replaced = 0;
        int nonAscii = 0;
        for (int i = 0; i < utf8.length(); i++) {
            char c = utf8.charAt(i);
            if (c >= 0x80) {
                nonAscii++;
                if (c == '\uFFFD') {
                    replaced++;
                }
            }
        }
        return replaced == 0 || nonAscii - replaced >= 8 * replaced;
    }

    private static Charset named(Matcher matcher) {
        return matcher.find() ? forLabel(matcher.group(1)) : null;
    }

    /** Maps a declared label to the charset browsers use for it (the WHATWG Encoding standard's supersets). */
    static Charset forLabel(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "cp1252", "x-cp1252":
                return WINDOWS_1252;
            case "gb2312", "gb_2312-80", "x-gbk", "chinese", "csgb2312", "euc-cn":
                return Charset.forName("GBK");
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "ms932", "cp932":
                return Charset.forName("windows-31j");
            case "utf8", "unicode-1-1-utf-8":
                return StandardCharsets.UTF_8;
            case "iso-8859-9", "latin5":
                return Charset.forName("windows-1254");
            case "tis-620", "iso-8859-11":
                return Charset.forName("x-windows-874");
            default:
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
        }
    }

    private static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
