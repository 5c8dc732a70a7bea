package io.spyglass.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/** Parses JSON Feed 1.0 and 1.1 documents (https://jsonfeed.org/version/1.1) with Jackson. */
final class JsonFeedParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    private JsonFeedParser() {
    }

    /**
     * Parses the document; of its items only those {@code window} keeps become {@link FeedItem}s. (Jackson's tree of
     * the whole document is built first: its nodes are far smaller than ROME's entries, and bounded by the body.)
     */
    static ParsedFeed parse(byte[] body, URI feedUrl, ItemWindow window) throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new FeedParseException("not a valid JSON Feed: bad JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("not a valid JSON Feed: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("not a valid JSON Feed: the document is not a JSON object");
        }
        String version = root.path("version").asText("");
        if (!version.startsWith(VERSION_PREFIX)) {
            throw new FeedParseException("not a valid JSON Feed: 'version' is '" + version + "', expected " + VERSION_PREFIX + "1.1");
        }
        JsonNode entries = root.path("items");
        if (!entries.isArray()) {
            throw new FeedParseException("not a valid JSON Feed: no 'items' array");
        }
        boolean[] keep = null;
        if (entries.size() > window.head()) {
            long[] keys = new long[entries.size()];
            for (int i = 0; i < keys.length; i++) {
                Instant t = entries.get(i).isObject() ? time(entries.get(i)) : null;
                keys[i] = ItemSelection.key(t == null ? null : t.toEpochMilli());
            }
            keep = ItemSelection.keep(keys, window);
        }
        List<FeedItem> items = new ArrayList<>();
        int skipped = 0;
        int notRead = 0;
        int index = 0;
        for (JsonNode entry : entries) {
            if (keep != null && !keep[index++]) {
                notRead++;
                continue;
            }
            URI link = entry.isObject() ? link(entry, feedUrl) : null;
            if (link == null) {
                skipped++;
                continue;
            }
            items.add(new FeedItem(link, FeedParser.normalise(text(entry, "title")), time(entry), authors(root, entry), content(entry)));
        }
        return new ParsedFeed(FeedParser.normalise(text(root, "title")), items, skipped, notRead);
    }

    private static URI link(JsonNode entry, URI feedUrl) {
        URI url = FeedParser.httpUri(feedUrl, text(entry, "url"));
        if (url != null) {
            return url;
        }
        // like an RSS guid, an id is a link only when it is already an absolute http(s) URL
        String id = text(entry, "id");
        return id != null && id.strip().regionMatches(true, 0, "http", 0, 4) ? FeedParser.httpUri(null, id) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Instant time(JsonNode entry) {
        for (String field : List.of("date_published", "date_modified")) {
            String v = text(entry, field);
            if (v != null) {
                try {
                    return OffsetDateTime.parse(v.strip()).toInstant();
                } catch (DateTimeParseException e) {
                    // an unreadable date is treated as absent
                }
            }
        }
        return null;
    }

    /** 1.1 has an 'authors' array on the item, else the feed; 1.0 a single 'author'. */
    private static List<String> authors(JsonNode root, JsonNode entry) {
        for (JsonNode holder : List.of(entry, root)) {
            List<String> names = new ArrayList<>();
            holder.path("authors").forEach(a -> addName(names, a));
            addName(names, holder.path("author"));
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }

    private static void addName(List<String> names, JsonNode author) {
        String name = author.isObject() ? text(author, "name") : null;
        if (name != null && !name.isBlank()) {
            names.add(FeedParser.normalise(name));
        }
    }

    /** The item's text as HTML, as for RSS and Atom: content_html, else content_text or summary escaped. */
    private static String content(JsonNode entry) {
        String html = text(entry, "content_html");
        if (html != null && !html.isBlank()) {
            return html;
        }
        for (String field : List.of("content_text", "summary")) {
            String t = text(entry, field);
            if (t != null && !t.isBlank()) {
                StringBuilder b = new StringBuilder();
                for (String paragraph : t.strip().split("\\n\\s*\\n")) {
                    b.append("<p>").append(Entities.escape(paragraph)).append("</p>");
                }
                return b.toString();
            }
        }
        return "";
    }
}
