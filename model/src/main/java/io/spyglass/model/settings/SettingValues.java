package io.spyglass.model.settings;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text value of every key, with where it came from, read as typed values: a value that does not parse is reported
 * as {@code <origin>: '<key>' <what is wrong>}, the origin being {@code default}, a file and key, an environment
 * variable or an option.
 */
public final class SettingValues {
    private final Map<String, String> values;
    private final Map<String, String> origins;

    /**
     * @param values  the text of every key, by key
     * @param origins where each value came from, by key
     */
    public SettingValues(Map<String, String> values, Map<String, String> origins) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /** Every key of {@code keys} at its default. */
    public static SettingValues defaults(Collection<Key> keys) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        for (Key k : keys) {
            values.put(k.key(), k.defaultValue());
            origins.put(k.key(), "default");
        }
        return new SettingValues(values, origins);
    }

    /** True when {@code key} is one of these values' keys. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** These values with {@code key} set to {@code value}, which came from {@code origin}; a later layer wins. */
    public SettingValues with(String key, String value, String origin) {
        raw(key);
        Map<String, String> v = new HashMap<>(values);
        Map<String, String> o = new HashMap<>(origins);
        v.put(key, value);
        o.put(key, origin);
        return new SettingValues(v, o);
    }

    /** The text of {@code key} as given, never null. */
    public String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("No setting '" + key + "' among " + values.keySet());
        }
        return v;
    }

    /** Where the value of {@code key} came from. */
    public String origin(String key) {
        raw(key);
        return origins.get(key);
    }

    /** The error for a bad value of {@code key}: its origin, the key, then {@code what}. */
    public IllegalArgumentException invalid(String key, String what) {
        return new IllegalArgumentException(origin(key) + ": '" + key + "' " + what);
    }

    /** The stripped text; never empty. */
    public String text(String key) {
        String v = raw(key).strip();
        if (v.isEmpty()) {
            throw invalid(key, "must not be empty");
        }
        return v;
    }

    /** The path the text names; never null. */
    public Path path(String key) {
        return Path.of(text(key));
    }

    /** The path the text names, or null when it is empty. */
    public Path optionalPath(String key) {
        String v = raw(key).strip();
        return v.isEmpty() ? null : Path.of(v);
    }

    /** A whole number within {@code min..max}. */
    public long integer(String key, long min, long max) {
        try {
            long n = Long.parseLong(raw(key).strip());
            if (n < min || n > max) {
                throw invalid(key, "must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, not '" + raw(key) + "'");
        }
    }

    /** {@link #integer} as an int. */
    public int integer(String key, int min, int max) {
        return (int) integer(key, (long) min, (long) max);
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String key) {
        String v = raw(key).strip();
        if (!v.equals("true") && !v.equals("false")) {
            throw invalid(key, "must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** A duration as {@link Durations#parse} reads it. */
    public Duration duration(String key) {
        return Durations.parse(raw(key), origin(key) + " ('" + key + "')");
    }

    /** A duration longer than 0. */
    public Duration positive(String key) {
        Duration d = duration(key);
        if (d.isZero()) {
            throw invalid(key, "must be longer than 0");
        }
        return d;
    }

    /** The non-blank items of a comma-separated list (a YAML list arrives joined by commas), stripped. */
    public List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String part : raw(key).split(",")) {
            if (!part.isBlank()) {
                items.add(part.strip());
            }
        }
        return items;
    }

    /** A comma-separated list of http(s) URLs; empty for none. */
    public List<URI> urls(String key) {
        List<URI> urls = new ArrayList<>();
        for (String url : list(key)) {
            try {
                URI uri = new URI(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new URISyntaxException(url, "only http and https URLs with a host are supported");
                }
                urls.add(uri);
            } catch (URISyntaxException e) {
                throw invalid(key, "has a bad URL '" + url + "': " + e.getReason());
            }
        }
        return urls;
    }

    /** The IP literal or host name (resolved now) of {@code addressKey}, with the port of {@code portKey}. */
    public InetSocketAddress address(String addressKey, String portKey) {
        int port = integer(portKey, 0, 65535);
        InetSocketAddress address = new InetSocketAddress(text(addressKey), port);
        if (address.isUnresolved()) {
            throw invalid(addressKey, "is not an address: '" + raw(addressKey) + "'");
        }
        return address;
    }
}
