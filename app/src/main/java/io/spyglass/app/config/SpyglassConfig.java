package io.spyglass.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spyglass.enrich.EnrichSettings;
import io.spyglass.ingest.IngestSettings;
import io.spyglass.ingest.extract.SiteRules;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.model.settings.Key;
import io.spyglass.model.settings.SettingValues;
import io.spyglass.sink.SinkSettings;
import io.spyglass.web.WebSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Spyglass's whole configuration: one part per stage, each a record of the module that uses it. It is read from
 * three layers, later wins: the defaults in the modules' key tables ({@link #KEYS}), {@code config/spyglass.yaml}
 * (or {@code --config FILE}), then {@code SPYGLASS_*} environment variables and command-line flags. Every value is
 * checked here, and a bad one is reported with where it came from.
 *
 * @param cluster  the cluster, group ids, topics and retention every stage shares
 * @param embedded the embedded broker's port and the data directory
 * @param ingest   feeds, fetching and extraction
 * @param enrich   the tagger's taxonomy
 * @param sink     the stories file and webhooks
 * @param web      the web view
 * @param health   the health and metrics endpoint
 */
public record SpyglassConfig(ClusterSettings cluster, EmbeddedSettings embedded, IngestSettings ingest,
                             EnrichSettings enrich, SinkSettings sink, WebSettings web, HealthSettings health) {

    /** Every key of every part, in the order the README lists them. */
    public static final List<Key> KEYS = Stream.of(ClusterSettings.KEYS, EmbeddedSettings.KEYS, IngestSettings.KEYS,
            EnrichSettings.KEYS, SinkSettings.KEYS, WebSettings.KEYS).flatMap(List::stream).toList();
    static final Path DEFAULT_FILE = Path.of("config", "spyglass.yaml");
    private static final String KAFKA = "kafka.";
    private static final String SITES = "extract.sites.";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** True when no cluster was configured, so {@code run} starts the embedded broker. */
    public boolean usesEmbeddedBroker() {
        return !cluster.hasBootstrapServers();
    }

    /** The same configuration pointing at {@code bootstrapServers}. */
    public SpyglassConfig withBootstrapServers(String bootstrapServers) {
        return new SpyglassConfig(cluster.withBootstrapServers(bootstrapServers), embedded, ingest, enrich, sink, web, health);
    }

    /**
     * Loads the configuration.
     *
     * @param file  the YAML file; if null, {@code config/spyglass.yaml} when it exists
     * @param env   the environment
     * @param flags values from command-line flags, by key
     * @throws IllegalArgumentException naming the file or variable, the key and the problem
     */
    public static SpyglassConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        SettingValues values = SettingValues.defaults(KEYS);
        Map<String, Object> kafka = new LinkedHashMap<>();
        Map<String, Map<String, String>> sites = new HashMap<>();
        Path source = file != null ? file : Files.exists(DEFAULT_FILE) ? DEFAULT_FILE : null;
        if (source != null) {
            Map<String, String> flat = new LinkedHashMap<>();
            flatten("", readYaml(source), flat);
            for (var e : flat.entrySet()) {
                String key = e.getKey();
                if (values.has(key)) {
                    values = values.with(key, e.getValue(), source + ": key '" + key + "'");
                } else if (key.startsWith(KAFKA)) {
                    kafka.put(key.substring(KAFKA.length()), e.getValue());
                } else if (key.startsWith(SITES) && (key.endsWith(".body") || key.endsWith(".remove"))) {
                    String rest = key.substring(SITES.length());
                    int dot = rest.lastIndexOf('.');
                    sites.computeIfAbsent(rest.substring(0, dot), h -> new HashMap<>()).put(rest.substring(dot + 1), e.getValue());
                } else {
                    throw new IllegalArgumentException(source + ": unknown key '" + key + "'");
                }
            }
        }
        for (Key k : KEYS) {
            String v = env.get(k.env());
            if (v != null) {
                values = values.with(k.key(), v, "environment variable " + k.env());
            }
        }
        for (var flag : flags.entrySet()) {
            values = values.with(flag.getKey(), flag.getValue(), "option for '" + flag.getKey() + "'");
        }
        return new SpyglassConfig(ClusterSettings.from(values, kafka), EmbeddedSettings.from(values),
                IngestSettings.from(values, SiteRules.fromMap(sites)), EnrichSettings.from(values), SinkSettings.from(values),
                WebSettings.from(values), HealthSettings.from(values));
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
        } catch (NoSuchFileException e) {
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
}
