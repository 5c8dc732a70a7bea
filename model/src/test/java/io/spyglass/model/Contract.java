package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The record contract in docs/schemas, for tests: every record a test produces is checked against the JSON Schema
 * of its topic, so the documented format and the code cannot drift apart.
 */
public final class Contract {
    /** The {@code $id} prefix of the schema files; mapped to the files in the repository. */
    static final String BASE = "https://spyglass-news.github.io/schemas/v1/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(Contract::schemaText));
    private static final Map<Kind, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** The record kinds with a schema, each named after its file. */
    public enum Kind {
        ARTICLE("article"), ENRICHED_ARTICLE("enriched-article"), STORY("story"), FEED_STATUS("feed-status"),
        DEAD_LETTER("dead-letter");

        final String file;

        Kind(String name) {
            this.file = name + ".schema.json";
        }
    }

    private Contract() {
    }

    /** docs/schemas of the repository, found upwards from the working directory (a module's or the root). */
    static Path schemaDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("docs").resolve("schemas");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("docs/schemas not found above " + Path.of("").toAbsolutePath());
    }

    /** The text of the schema file with {@code $id} {@code iri}, or null for schemas not ours. */
    private static String schemaText(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        try {
            return Files.readString(schemaDir().resolve(iri.substring(BASE.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of {@code json}, as the validator words them; empty when it conforms. */
    public static List<String> violations(Kind kind, JsonNode json) {
        Schema schema = SCHEMAS.computeIfAbsent(kind, k -> REGISTRY.getSchema(SchemaLocation.of(BASE + k.file)));
        return schema.validate(json).stream().map(Error::toString).toList();
    }

    /** Asserts that the record value {@code json} conforms to the schema of {@code kind}. */
    public static void assertConforms(Kind kind, byte[] json) {
        assertConforms(kind, read(json));
    }

    /** Asserts that {@code json} conforms to the schema of {@code kind}. */
    public static void assertConforms(Kind kind, JsonNode json) {
        assertThat(violations(kind, json)).as("%s record %s against %s", kind, json, kind.file).isEmpty();
    }

    /** Asserts that a dead-letter record, its headers and its original value, conforms to dead-letter.schema.json. */
    public static void assertDeadLetterConforms(Headers headers, byte[] value) {
        assertConforms(Kind.DEAD_LETTER, deadLetterView(headers, value));
    }

    /** A dead-letter record as the schema describes it: {@code {"headers": {...}, "value": "..."}}. */
    public static JsonNode deadLetterView(Headers headers, byte[] value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode h = node.putObject("headers");
        for (Header header : headers) {
            h.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        node.put("value", value == null ? null : new String(value, StandardCharsets.UTF_8));
        return node;
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
