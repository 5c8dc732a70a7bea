package io.spyglass.ingest.extract;

import org.jsoup.nodes.Document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises pages that are not articles: non-HTML bodies, anti-bot and access-denied interstitials, and
 * paywalled articles that show only a teaser.
 */
final class PageClassifier {

    /** An article this short next to a paywall marker is the free teaser, not the story. */
    static final int PAYWALL_TEXT_LIMIT = 1500;
    /** Interstitials are short; a long text mentioning captchas is an article about them. */
    private static final int BLOCKED_TEXT_LIMIT = 600;
    private static final int INTERSTITIAL_TEXT = 150;
    /** Matched at the start of a title. */
    private static final Pattern BLOCKED_TITLE = PagePhrases.pattern("blocked-title");
    private static final Pattern BLOCKED_TEXT = PagePhrases.pattern("blocked-text");
    private static final List<String> BLOCKED_MARKUP = List.of("cf-browser-verification", "cf-challenge",
            "challenge-platform", "g-recaptcha", "h-captcha", "px-captcha", "captcha-delivery",
            "_incapsula_resource", "distil_r_captcha", "ddos-guard");


    private PageClassifier() {
    }

    /** False for bodies that are certainly not HTML: a non-HTML content type, binary signatures or NUL bytes. */
    static boolean isHtml(byte[] body, String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
            if (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml")
                    && !type.equals("application/xml") && !type.equals("text/xml") && !type.equals("text/plain")
                    && !type.equals("application/octet-stream")) {
                return false;
            }
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.startsWith("%PDF") || head.startsWith("\u0089PNG") || head.startsWith("GIF8")
                || head.startsWith("\u00FF\u00D8\u00FF") || head.startsWith("PK\u0003\u0004")
                || head.startsWith("\u001F\u008B") || head.startsWith("RIFF") || head.startsWith("OggS")
                || head.startsWith("ID3") || head.startsWith("{\\rtf")) {
            return false;
        }
        boolean utf16 = head.startsWith("\u00FF\u00FE") || head.startsWith("\u00FE\u00FF");
        if (!utf16 && head.indexOf('\u0000') >= 0) {
            return false;
        }
        String lower = head.stripLeading().toLowerCase(Locale.ROOT);
        // XML and JSON served as text are feeds and APIs, not pages: HTML has tags near the start.
        if (lower.startsWith("{") || lower.startsWith("[")) {
            return false;
        }
        if (lower.startsWith("<?xml") && !lower.contains("<html") && !lower.contains("<!doctype html")) {
            return false;
        }
        return utf16 || lower.contains("<") ;
    }

    /** True for an anti-bot, captcha or access-denied interstitial, judged by title, markup and text. */
    static boolean isBlocked(Document doc, String rawHtml, String text) {
        if (text.length() > BLOCKED_TEXT_LIMIT) {
            return false;
        }
        String title = doc.title().trim();
        if (BLOCKED_TITLE.matcher(title).lookingAt()) {
            return true;
        }
        String bodyText = doc.body() == null ? "" : doc.body().text();
        if (bodyText.length() > BLOCKED_TEXT_LIMIT * 2) {
            return false;
        }
        // A captcha widget alone is a comment form on a short post; an interstitial also says what it is,
        // or shows next to nothing else.
        boolean markup = BLOCKED_MARKUP.stream().anyMatch(rawHtml::contains);
        boolean wording = BLOCKED_TEXT.matcher(bodyText).find();
        return markup && wording || (markup || wording) && text.length() < INTERSTITIAL_TEXT;
    }

    /** True for an article marked as not free, or with paywall markup, that shows only a teaser. */
    static boolean isPaywalled(PageMetadata meta, String text) {
        return text.length() < PAYWALL_TEXT_LIMIT && (!meta.accessibleForFree() || meta.paywallMarkup());
    }
}
