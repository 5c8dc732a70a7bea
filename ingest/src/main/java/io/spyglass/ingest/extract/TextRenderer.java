package io.spyglass.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns content elements into plain text: one paragraph per block element (headings and list items
 * included), whitespace collapsed, and blocks that are mostly links or stock phrases ("Advertisement",
 * "Share this") dropped.
 */
final class TextRenderer {

    private static final double MAX_LINK_DENSITY = 0.5;
    private static final Set<String> STOCK_PHRASES = PagePhrases.phrases("stock-phrase");

    private static final int MAX_STOCK_PHRASE = 40;
    private static final int MAX_LEADING_LABEL = 50;
    private static final int MAX_TRAILING_LABEL = 60;
    private static final int MAX_APPEAL = 300;
    /** Inside the text only a short paragraph can be a call to action; a long one quotes the words. */
    private static final int MAX_INLINE_APPEAL = 160;
    private static final int MAX_LIST_LABEL = 80;
    private static final int MAX_CREDIT = 120;
    private static final int MAX_DATELINE = 60;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…。！？\"“”»«)]\\s*$");
    /**
     * Calls to subscribe, donate, follow, log in or comment. Verb forms and set phrases only: a news story
     * may well say "subscribers" or "copyright" in a short paragraph of its own.
     */
    private static final Pattern APPEAL = PagePhrases.pattern("appeal");
    /**
     * Openings of "more on this" labels. Set phrases only: a subheading such as "More from the interview"
     * in the second half of a story must not cut it.
     */
    private static final Pattern RELATED_LABEL = PagePhrases.pattern("related-label");
    /** Advertising and affiliate notices that sites put above the story; phrases, not topics. */
    private static final Pattern DISCLOSURE = PagePhrases.pattern("disclosure");
    /** Photo credits, source lines and share prompts that sites set as paragraphs of their own. */
    private static final Pattern CREDIT = PagePhrases.pattern("credit");
    /** Publication and update stamps set as paragraphs of their own: a date or a clock time in a short line. */
    private static final Pattern DATELINE = Pattern.compile("(?i)\\b\\d{1,2}[./]\\s?\\d{1,2}[./]\\s?(\\d{2}|\\d{4})\\b"
            + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}\\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
            + "|januar|februar|märz|mai|juni|juli|okt|dez)\\w*\\.? \\d{4}|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
            + "|dec)\\w*\\.? \\d{1,2},? \\d{4}");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:.!»›>|…-]+$");

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int linkChars;
    /** Index of the last paragraph if it reads as a label, else -1. */
    private int pendingLabel = -1;
    private int linkDepth;

    private TextRenderer() {
    }

    /** The elements' text, paragraphs separated by a blank line; empty when there is none. */
    static String render(List<Element> roots) {
        return String.join("\n\n", trimEdges(paragraphs(roots)));
    }

    /**
     * The elements' paragraphs as {@link #render} finds them, without trimming the edges: for text its publisher
     * wrote as a whole (a feed item's content), where a short first or last line is part of the text, not a label.
     */
    static String renderBlocks(List<Element> roots) {
        return String.join("\n\n", paragraphs(roots));
    }

    private static List<String> paragraphs(List<Element> roots) {
        var renderer = new TextRenderer();
        for (Element root : roots) {
            renderer.walk(root);
            renderer.flush();
        }
        return renderer.paragraphs;
    }

    /**
     * Drops the labels, dates and calls to action that content containers carry before the first and after
     * the last sentence of the story: short lines that are not sentences, and short appeals to subscribe,
     * donate, follow or comment.
     */
    static List<String> trimEdges(List<String> paragraphs) {
        int from = 0;
        int to = relatedSectionStart(paragraphs);
        while (from < to && (isEdgeLabel(paragraphs.get(from), MAX_LEADING_LABEL)
                || isDisclosure(paragraphs.get(from)))) {
            from++;
        }
        while (to > from && (isEdgeLabel(paragraphs.get(to - 1), MAX_TRAILING_LABEL)
                || isAppeal(paragraphs.get(to - 1)))) {
            to--;
        }
        List<String> kept = new ArrayList<>(to - from);
        for (String p : paragraphs.subList(from, to)) {
            if (!isRelatedLabel(p) && !(p.length() < MAX_INLINE_APPEAL && APPEAL.matcher(p).find())) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * Where a "more on this" section begins in the second half of the text: a short paragraph that opens
     * with a related-content phrase. Everything from there on is teasers; the size if there is none.
     */
    private static int relatedSectionStart(List<String> paragraphs) {
        int total = 0;
        for (String p : paragraphs) {
            total += p.length();
        }
        int seen = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            if (seen >= total / 2 && isRelatedLabel(p)) {
                return i;
            }
            seen += p.length();
        }
        return paragraphs.size();
    }

    private static boolean isDisclosure(String paragraph) {
        return paragraph.length() < MAX_APPEAL && DISCLOSURE.matcher(paragraph).find();
    }

    private static boolean isRelatedLabel(String paragraph) {
        return paragraph.length() < MAX_LIST_LABEL && RELATED_LABEL.matcher(paragraph).lookingAt();
    }

    private static boolean isEdgeLabel(String paragraph, int maxLength) {
        return paragraph.length() < maxLength && !SENTENCE_END.matcher(paragraph).find();
    }

    private static boolean isAppeal(String paragraph) {
        return paragraph.length() < MAX_APPEAL && APPEAL.matcher(paragraph).find();
    }

    private void walk(Node node) {
        if (node instanceof TextNode t) {
            String s = t.getWholeText();
            current.append(s);
            if (linkDepth > 0) {
                linkChars += TextNormaliser.collapsedLength(s);
            }
            return;
        }
        if (!(node instanceof Element el)) {
            return;
        }
        if (BoilerplateFilter.isNeverText(el)) {
            return;
        }
        String tag = el.normalName();
        if (tag.equals("br")) {
            // Pages that lay out paragraphs with <br><br> have no other paragraph boundary.
            flush();
            return;
        }
        if (tag.equals("h1")) {
            // The headline is the title, reported separately; the body starts below it.
            flush();
            return;
        }
        boolean block = NodeStats.BLOCK_TAGS.contains(tag);
        boolean link = tag.equals("a");
        if (block) {
            flush();
        }
        if (link) {
            linkDepth++;
        }
        for (Node child : el.childNodes()) {
            walk(child);
        }
        if (link) {
            linkDepth--;
        }
        if (block) {
            flush();
        }
    }

    private void flush() {
        if (current.isEmpty()) {
            return;
        }
        String text = TextNormaliser.collapse(current);
        int links = linkChars;
        current.setLength(0);
        linkChars = 0;
        if (text.isEmpty()) {
            return;
        }
        if ((double) links / text.length() > MAX_LINK_DENSITY) {
            // A label right above a list of links ("Read more", "Related") introduces the links, not text.
            if (pendingLabel >= 0) {
                paragraphs.remove(pendingLabel);
                pendingLabel = -1;
            }
            return;
        }
        // Related-content labels stay until the edges are trimmed: they mark where the teasers start.
        if (text.length() <= MAX_STOCK_PHRASE && !isRelatedLabel(text)
                && STOCK_PHRASES.contains(TRAILING_PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(""))) {
            return;
        }
        if (text.length() < MAX_CREDIT && CREDIT.matcher(text).find()
                || text.length() < MAX_DATELINE && DATELINE.matcher(text).find() && !SENTENCE_END.matcher(text).find()) {
            return;
        }
        paragraphs.add(text);
        pendingLabel = isEdgeLabel(text, MAX_LIST_LABEL) ? paragraphs.size() - 1 : -1;
    }
}
