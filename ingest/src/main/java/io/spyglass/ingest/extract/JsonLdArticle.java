package io.spyglass.ingest.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The first article object in the page's JSON-LD and the site's name, filled in as scripts are read. */
final class JsonLdArticle {
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "askpublicnewsarticle", "techarticle", "scholarlyarticle", "report",
            "liveblogposting", "posting", "socialmediaposting", "discussionforumposting");
    private static final Set<String> SITE_TYPES = Set.of("organization", "newsmediaorganization", "website",
            "corporation");
    /** Pages hand-write JSON-LD; tolerate the usual slips rather than lose the metadata. */
    private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    String headline;
    String body;
    String publisher;
    String url;
    String image;
    String description;
    String language;
    String published;
    String modified;
    boolean accessibleForFree = true;
    final Set<String> authors = new LinkedHashSet<>();
    private boolean articleSeen;

    void read(String json) {
        try {
            visit(LENIENT_JSON.readTree(json.trim()), 0);
        } catch (IOException | RuntimeException malformed) {
            // Broken structured data is common; the markup still has everything else.
        }
    }

    private void visit(JsonNode node, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> visit(child, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Set<String> types = types(node.get("@type"));
        if (!articleSeen && types.stream().anyMatch(ARTICLE_TYPES::contains)) {
            articleSeen = true;
            readArticle(node);
        } else if (publisher == null && types.stream().anyMatch(SITE_TYPES::contains)) {
            publisher = text(node.get("name"));
        }
        visit(node.get("@graph"), depth + 1);
        visit(node.get("mainEntity"), depth + 1);
    }

    private void readArticle(JsonNode a) {
        headline = MetadataExtractor.firstNonBlank(text(a.get("headline")), text(a.get("name")));
        body = MetadataExtractor.firstNonBlank(text(a.get("articleBody")), text(a.get("text")));
        published = text(a.get("datePublished"));
        modified = text(a.get("dateModified"));
        description = text(a.get("description"));
        language = text(a.get("inLanguage"));
        url = MetadataExtractor.firstNonBlank(text(a.get("url")), id(a.get("mainEntityOfPage")));
        image = imageUrl(a.get("image"));
        JsonNode pub = a.get("publisher");
        if (pub != null && pub.isObject()) {
            publisher = text(pub.get("name"));
        }
        readAuthors(a.get("author"));
        if (isFalse(a.get("isAccessibleForFree"))) {
            accessibleForFree = false;
        }
        JsonNode parts = a.get("hasPart");
        if (parts != null) {
            for (JsonNode part : parts.isArray() ? parts : List.of(parts)) {
                if (isFalse(part.get("isAccessibleForFree"))) {
                    accessibleForFree = false;
                }
            }
        }
    }

    private void readAuthors(JsonNode author) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            author.forEach(this::readAuthors);
        } else if (author.isObject()) {
            MetadataExtractor.addAuthor(authors, text(author.get("name")));
        } else if (author.isTextual()) {
            for (String name : MetadataExtractor.AUTHOR_SPLIT.split(author.asText())) {
                MetadataExtractor.addAuthor(authors, MetadataExtractor.BY_PREFIX.matcher(name).replaceFirst(""));
            }
        }
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && (node.isBoolean() && !node.asBoolean()
                || node.isTextual() && node.asText().trim().equalsIgnoreCase("false"));
    }

    private static String imageUrl(JsonNode image) {
        if (image == null) {
            return null;
        }
        if (image.isArray()) {
            return image.isEmpty() ? null : imageUrl(image.get(0));
        }
        if (image.isObject()) {
            return MetadataExtractor.firstNonBlank(text(image.get("url")), text(image.get("contentUrl")), text(image.get("@id")));
        }
        return text(image);
    }

    private static String id(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isObject() ? text(node.get("@id")) : text(node);
    }

    private static Set<String> types(JsonNode type) {
        var out = new LinkedHashSet<String>();
        if (type == null) {
            return out;
        }
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String s = t.asText();
            int slash = s.lastIndexOf('/');
            out.add(s.substring(slash + 1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : text(node.get(0));
        }
        if (node.isValueNode()) {
            String s = node.asText();
            return s.isBlank() ? null : s.trim();
        }
        return null;
    }
}
