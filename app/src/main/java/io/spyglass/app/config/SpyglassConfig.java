package io.spyglass.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spyglass.app.Spyglass;
import io.spyglass.ingest.extract.SiteRules;
import io.spyglass.ingest.feedlist.FeedList;
import io.spyglass.ingest.fetch.AddressPolicy;
import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.sink.WebhookSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spyglass's whole configuration, from three layers, later wins: the defaults in {@link Setting},
 * {@code config/spyglass.yaml} (or {@code --config FILE}), then {@code SPYGLASS_*} environment variables and
 * command-line flags. Every value is checked here, and a bad one is reported with where it came from.
 *
 * @param kafka     Kafka client settings: bootstrap.servers (absent when the embedded broker is to be used) and every
 *                  other {@code kafka.*} key of the file, passed through to the clients
 * @param siteRules per-site extraction overrides from {@code extract.sites.<host>.body|remove}
 * @param http      where the health and metrics endpoint listens
 * @param web       where the web view listens
 * @param webMaxStories most stories the web view holds; past that the one seen longest ago is dropped from it
 * @param ingestLimits  items taken per feed poll and text bytes kept per article
 * @param retention     how long topics, stores and seen marks keep what they hold
 */
public record SpyglassConfig(Map<String, Object> kafka, int kafkaPort, Path dataDir, String groupPrefix, int partitions, Topics topics,
                             Path feedsFile, Duration feedsInterval, int ingestThreads, FetchSettings fetch,
                             SiteRules siteRules, Path out, Path taxonomy, WebhookSettings webhooks,
                             InetSocketAddress http, InetSocketAddress web, int webMaxStories, ItemLimits ingestLimits,
                             Retention retention) {

    static final Path DEFAULT_FILE = Path.of("config", "spyglass.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The consumer group the ingest instances of this deployment share the feeds in. */
    public String ingestGroupId() {
        return groupPrefix + "-ingest";
    }

    /** The Streams application id of the enrich stage. */
    public String enrichApplicationId() {
        return groupPrefix + "-enrich";
    }

    /** The Streams application id of the sink stage. */
    public String sinkApplicationId() {
        return groupPrefix + "-sink";
    }

    /** The consumer group of the file sink. */
    public String fileSinkGroup() {
        return groupPrefix + "-sink-file";
    }

    /** The consumer group of the webhook sink. */
    public String webhookGroup() {
        return groupPrefix + "-sink-webhook";
    }

    /** True when no cluster was configured, so {@code run} starts the embedded broker. */
    public boolean embedded() {
        return !kafka.containsKey("bootstrap.servers");
    }

    /** The same configuration pointing at {@code bootstrapServers}. */
    public SpyglassConfig withBootstrapServers(String bootstrapServers) {
        Map<String, Object> k = new HashMap<>(kafka);
        k.put("bootstrap.servers", bootstrapServers);
        return new SpyglassConfig(k, kafkaPort, dataDir, groupPrefix, partitions, topics, feedsFile, feedsInterval, ingestThreads,
                fetch, siteRules, out, taxonomy, webhooks, http, web, webMaxStories, ingestLimits, retention);
    }

    /**
     * Loads the configuration.
     *
     * @param file  the YAML file; if null, {@code config/spyglass.yaml} when it exists
     * @param env   the environment
     * @param flags values from command-line flags, by key
     * @throws IllegalArgumentException naming the file or variable, the key and the problem
     */
    public static SpyglassConfig load(Path file, Map<String, String> env, Map<Setting, String> flags) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> origin = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue);
            origin.put(s, "default");
        }
        Map<String, Object> kafka = new LinkedHashMap<>();
        Map<String, Map<String, String>> sites = new HashMap<>();
        Path source = file != null ? file : Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
        if (source != null) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", readYaml(source), flat);
            for (var e : flat.entrySet()) {
                String key = e.getKey();
                Setting s = Setting.byKey(key);
                if (s != null) {
                    values.put(s, e.getValue());
                    origin.put(s, source + ": key '" + key + "'");
                } else if (key.startsWith("kafka.")) {
                    kafka.put(key.substring("kafka.".length()), e.getValue());
                } else if (key.startsWith("extract.sites.") && (key.endsWith(".body") || key.endsWith(".remove"))) {
                    String rest = key.substring("extract.sites.".length());
                    int dot = rest.lastIndexOf('.');
                    sites.computeIfAbsent(rest.substring(0, dot), h -> new HashMap<>()).put(rest.substring(dot + 1), e.getValue());
                } else {
                    throw new IllegalArgumentException(source + ": unknown key '" + key + "'");
                }
            }
        }
        for (Setting s : Setting.values()) {
            String v = env.get(s.env);
            if (v != null) {
                values.put(s, v);
                origin.put(s, "environment variable " + s.env);
            }
        }
        flags.forEach((s, v) -> {
            values.put(s, v);
            origin.put(s, "option for '" + s.key + "'");
        });
        return build(values, origin, kafka, sites);
    }

    private static SpyglassConfig build(Map<Setting, String> v, Map<Setting, String> origin, Map<String, Object> kafka,
                                        Map<String, Map<String, String>> sites) {
        Reader r = new Reader(v, origin);
        String bootstrap = v.get(Setting.BOOTSTRAP_SERVERS).strip();
        if (bootstrap.isEmpty()) {
            kafka.remove("bootstrap.servers");
        } else {
            kafka.put("bootstrap.servers", bootstrap);
        }
        Topics topics = new Topics(r.text(Setting.TOPIC_ARTICLES), r.text(Setting.TOPIC_ENRICHED),
                r.text(Setting.TOPIC_ESPIONAGE), r.text(Setting.TOPIC_DEAD_LETTER), r.text(Setting.TOPIC_SEEN),
                r.text(Setting.TOPIC_FEED_STATUS));
        FetchSettings fetch = new FetchSettings(r.text(Setting.USER_AGENT), r.duration(Setting.CONNECT_TIMEOUT),
                r.duration(Setting.FETCH_TIMEOUT), r.integer(Setting.MAX_BYTES, 1024, Long.MAX_VALUE),
                (int) r.integer(Setting.MAX_REDIRECTS, 0, 20),
                new AddressPolicy(r.bool(Setting.ALLOW_PRIVATE), r.cidrs(Setting.FETCH_ALLOW)),
                (int) r.integer(Setting.HOST_CONCURRENCY, 1, 64), r.duration(Setting.HOST_DELAY), r.bool(Setting.ROBOTS),
                r.proxy(Setting.FETCH_PROXY));
        String out = v.get(Setting.OUT).strip();
        return new SpyglassConfig(kafka, (int) r.integer(Setting.KAFKA_PORT, 0, 65535), Path.of(r.text(Setting.DATA_DIR)),
                r.text(Setting.GROUP_PREFIX),
                (int) r.integer(Setting.PARTITIONS, 1, 1000), topics, Path.of(r.text(Setting.FEEDS_FILE)),
                r.duration(Setting.FEEDS_INTERVAL), (int) r.integer(Setting.INGEST_THREADS, 1, 256), fetch,
                SiteRules.fromMap(sites), out.isEmpty() ? null : Path.of(out), Path.of(r.text(Setting.TAXONOMY)),
                new WebhookSettings(r.urls(Setting.WEBHOOK_URLS), r.urls(Setting.WEBHOOK_SLACK_URLS),
                        (int) r.integer(Setting.WEBHOOK_MAX_ATTEMPTS, 1, 100), r.duration(Setting.WEBHOOK_TIMEOUT),
                        Duration.ofSeconds(1)),
                r.address(Setting.HTTP_ADDRESS, (int) r.integer(Setting.HTTP_PORT, 0, 65535)),
                r.address(Setting.WEB_ADDRESS, (int) r.integer(Setting.WEB_PORT, 0, 65535)),
                (int) r.integer(Setting.WEB_MAX_STORIES, 1, 10_000_000),
                new ItemLimits((int) r.integer(Setting.MAX_ITEMS_PER_FEED, 1, 1_000_000),
                        (int) r.integer(Setting.MAX_TEXT_BYTES, 1024, 64 * 1024 * 1024)),
                r.retention());
    }

    private static JsonNode readYaml(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root != null && !root.isMissingNode() && !root.isNull() && !root.isObject()) {
                throw new IllegalArgumentException(file + ": expected a map of settings at the top level");
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(file + ": not valid YAML" + (at == null ? "" : " at line " + at.getLineNr())
                    + ": " + e.getOriginalMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(",", items));
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** Typed reads that name the value's origin when it is wrong. */
    private record Reader(Map<Setting, String> values, Map<Setting, String> origin) {
        String text(Setting s) {
            String v = values.get(s).strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' must not be empty");
            }
            return v;
        }

        long integer(Setting s, long min, long max) {
            try {
                long n = Long.parseLong(values.get(s).strip());
                if (n < min || n > max) {
                    throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' must be between " + min + " and " + max + ", not " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' must be a whole number, not '" + values.get(s) + "'");
            }
        }

        boolean bool(Setting s) {
            String v = values.get(s).strip();
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' must be true or false, not '" + v + "'");
            }
            return Boolean.parseBoolean(v);
        }

        List<Cidr> cidrs(Setting s) {
            List<Cidr> blocks = new ArrayList<>();
            for (String part : values.get(s).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    blocks.add(Cidr.parse(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(origin.get(s) + ": " + e.getMessage());
                }
            }
            return blocks;
        }

        /** A comma-separated list of http(s) URLs; empty for none. */
        List<URI> urls(Setting s) {
            List<URI> urls = new ArrayList<>();
            for (String part : values.get(s).split(",")) {
                String url = part.strip();
                if (url.isEmpty()) {
                    continue;
                }
                try {
                    URI uri = new URI(url);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        throw new URISyntaxException(url, "only http and https URLs with a host are supported");
                    }
                    urls.add(uri);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' has a bad URL '" + url + "': " + e.getReason());
                }
            }
            return urls;
        }

        /** An IP literal or a host name that resolves now, with {@code port}. */
        InetSocketAddress address(Setting s, int port) {
            InetSocketAddress address = new InetSocketAddress(text(s), port);
            if (address.isUnresolved()) {
                throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' is not an address: '" + values.get(s) + "'");
            }
            return address;
        }

        /** {@code host:port} or {@code http://host:port}, left unresolved for the client to resolve; null when empty. */
        InetSocketAddress proxy(Setting s) {
            String v = values.get(s).strip();
            if (v.isEmpty()) {
                return null;
            }
            try {
                URI uri = new URI(v.contains("://") ? v : "http://" + v);
                if (uri.getUserInfo() != null) {
                    // said without the value, which holds a password
                    throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' holds credentials (user:password@), "
                            + "which are not supported: use a proxy that lets Spyglass's hosts through without them");
                }
                if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                        || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                    throw new URISyntaxException(v, "expected host:port or http://host:port");
                }
                return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' is not a proxy address: '" + v
                        + "' (" + e.getReason() + ")");
            }
        }

        Retention retention() {
            Duration open = positive(Setting.RETENTION_OPEN_STORIES);
            Duration stories = positive(Setting.RETENTION_STORIES);
            if (open.compareTo(stories) > 0) {
                throw new IllegalArgumentException(origin.get(Setting.RETENTION_OPEN_STORIES) + ": '"
                        + Setting.RETENTION_OPEN_STORIES.key + "' (" + values.get(Setting.RETENTION_OPEN_STORIES).strip()
                        + ") must not be longer than '" + Setting.RETENTION_STORIES.key + "' ("
                        + values.get(Setting.RETENTION_STORIES).strip() + ")");
            }
            return new Retention(positive(Setting.RETENTION_ARTICLES), stories, positive(Setting.RETENTION_SEEN),
                    positive(Setting.RETENTION_DEAD_LETTER), open, positive(Setting.RETENTION_TOMBSTONES));
        }

        Duration positive(Setting s) {
            Duration d = duration(s);
            if (d.isZero()) {
                throw new IllegalArgumentException(origin.get(s) + ": '" + s.key + "' must be longer than 0");
            }
            return d;
        }

        Duration duration(Setting s) {
            return FeedList.duration(values.get(s), origin.get(s) + " ('" + s.key + "')");
        }
    }
}
