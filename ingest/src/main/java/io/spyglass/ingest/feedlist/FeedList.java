package io.spyglass.ingest.feedlist;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spyglass.model.settings.Durations;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates the feed list file ({@code config/feeds.yaml}). */
public final class FeedList {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Headers the fetcher sets itself or the HTTP client refuses. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "user-agent", "accept", "accept-encoding",
            "if-none-match", "if-modified-since", "connection", "content-length", "expect", "upgrade");

    private FeedList() {
    }

    /**
     * Loads the feeds in {@code file}; feeds without an interval get {@code defaultInterval}.
     *
     * @throws IllegalArgumentException naming the file, the entry and the problem, for any invalid content
     */
    public static List<FeedSource> load(Path file, Duration defaultInterval) {
        return load(file, defaultInterval, System.getenv());
    }

    /** As {@link #load(Path, Duration)}, reading {@code ${NAME}} in header values from {@code env}. */
    public static List<FeedSource> load(Path file, Duration defaultInterval, Map<String, String> env) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(yaml, file.toString(), defaultInterval, env);
    }

    /** Parses feed-list YAML; {@code source} names it in error messages; header values read the process's environment. */
    public static List<FeedSource> parse(String yaml, String source, Duration defaultInterval) {
        return parse(yaml, source, defaultInterval, System.getenv());
    }

    /**
     * Parses feed-list YAML; {@code source} names it in error messages, and {@code ${NAME}} in a header value is
     * {@code env}'s NAME, so that secrets stay out of the file.
     */
    public static List<FeedSource> parse(String yaml, String source, Duration defaultInterval, Map<String, String> env) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException(source + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(source + ": empty file; expected a 'feeds:' list");
        }
        JsonNode feeds = root.get("feeds");
        if (!root.isObject() || feeds == null || !feeds.isArray()) {
            throw new IllegalArgumentException(source + ": expected a top-level 'feeds:' list");
        }
        List<FeedSource> result = new ArrayList<>();
        Set<URI> urls = new HashSet<>();
        for (int i = 0; i < feeds.size(); i++) {
            FeedSource feed = entry(feeds.get(i), source + ": feeds[" + i + "]", defaultInterval, env);
            if (!urls.add(feed.url())) {
                throw new IllegalArgumentException(source + ": feeds[" + i + "] (" + feed.url() + "): listed twice");
            }
            result.add(feed);
        }
        return List.copyOf(result);
    }

    /**
     * Appends the feeds of {@code add} that {@code file} does not list yet, keeping its comments and layout, and
     * checks the result parses before replacing the file.
     *
     * @return the feeds appended, in order
     * @throws IllegalArgumentException naming the file when it is invalid before or after the change
     */
    public static List<FeedSource> append(Path file, List<FeedSource> add, Duration defaultInterval) {
        boolean exists = Files.exists(file);
        String yaml;
        try {
            yaml = exists ? Files.readString(file) : "feeds:\n";
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        Set<URI> listed = new HashSet<>();
        if (exists) {
            parse(yaml, file.toString(), defaultInterval).forEach(f -> listed.add(f.url()));
        }
        StringBuilder out = new StringBuilder(yaml);
        if (!yaml.isEmpty() && !yaml.endsWith("\n")) {
            out.append('\n');
        }
        List<FeedSource> added = new ArrayList<>();
        for (FeedSource feed : add) {
            if (listed.add(feed.url())) {
                out.append("  - url: ").append(quoted(feed.url().toString())).append('\n');
                if (feed.name() != null) {
                    out.append("    name: ").append(quoted(feed.name())).append('\n');
                }
                added.add(feed);
            }
        }
        if (added.isEmpty()) {
            return added;
        }
        parse(out.toString(), file.toString(), defaultInterval);
        try {
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".feeds", ".yaml");
            Files.writeString(temp, out);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot write: " + e.getMessage(), e);
        }
        return added;
    }

    /** {@code text} as a double-quoted YAML scalar. */
    private static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static FeedSource entry(JsonNode node, String where, Duration defaultInterval, Map<String, String> env) {
        if (node.isTextual()) {
            return new FeedSource(url(node.asText(), where), null, defaultInterval);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected 'url: ...' (and optional name, interval, headers)");
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!Set.of("url", "name", "interval", "headers").contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: url, name, interval, headers)");
            }
        }
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing 'url'");
        }
        URI uri = url(url.asText(), where);
        String label = where + " (" + uri + ")";
        JsonNode name = node.get("name");
        JsonNode interval = node.get("interval");
        return new FeedSource(uri,
                name == null || name.isNull() ? null : name.asText().strip(),
                interval == null || interval.isNull() ? defaultInterval : interval(interval.asText(), label),
                headers(node.get("headers"), label, env));
    }

    /** A map of header names to values; a value {@code ${NAME}} is the environment variable NAME. */
    private static Map<String, String> headers(JsonNode node, String where, Map<String, String> env) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": 'headers' must be a map of header names to values");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String name = field.getKey();
            if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(where + ": '" + name + "' is not a header a feed entry can set");
            }
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new IllegalArgumentException(where + ": header '" + name + "' needs a text value");
            }
            String value = field.getValue().asText();
            Matcher variable = ENV_REFERENCE.matcher(value);
            if (variable.matches()) {
                value = env.get(variable.group(1));
                if (value == null) {
                    throw new IllegalArgumentException(where + ": header '" + name + "' takes environment variable "
                            + variable.group(1) + ", which is not set");
                }
            }
            // said without the value: it is often a secret
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException(where + ": header '" + name + "' has a line break in its value");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static URI url(String text, String where) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": bad url '" + text + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(where + ": bad url '" + text + "': only http and https are supported");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(where + ": bad url '" + text + "': no host");
        }
        return uri;
    }

    private static Duration interval(String text, String where) {
        Duration interval = Durations.parse(text, where);
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(where + ": interval '" + text + "' is shorter than 10s");
        }
        return interval;
    }
}
