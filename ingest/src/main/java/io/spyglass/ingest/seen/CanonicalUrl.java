package io.spyglass.ingest.seen;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Canonical article URLs and the article ids derived from them. */
public final class CanonicalUrl {
    /** Query parameters that track a click, not name a page. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid",
            "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "ncid", "sr_share", "share", "spm", "oly_enc_id",
            "oly_anon_id", "vero_id", "wt.mc_id", "__twitter_impression", "ito", "ocid", "taid", "soc_src",
            "soc_trk", "utm");

    private CanonicalUrl() {
    }

    /**
     * The canonical form of an absolute http(s) URL: lower-case scheme and host, no default port, no
     * fragment, no tracking parameters (utm_* and the like), no dot segments, an empty path as "/".
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public static String of(String url) {
        URI uri;
        try {
            // dot segments ("/a/../b") name the same page as their resolved path
            uri = new URI(url.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad URL '" + url + "': " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: '" + url + "'");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    /** The article id for a URL: SHA-256 of its canonical form, as 64 lower-case hex digits. */
    public static String id(String url) {
        return sha256(of(url));
    }

    /** SHA-256 of {@code text}'s UTF-8 bytes, as 64 lower-case hex digits; an id for a URL already canonical. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
