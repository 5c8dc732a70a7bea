package io.spyglass.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stories as one STIX 2.1 bundle, for threat-intelligence platforms that import STIX (OpenCTI, MISP): per story a
 * {@code report} whose external references are the sources, with an {@code intrusion-set} per actor, a
 * {@code location} per attributed or victim country, an {@code identity} per victim sector and per outlet, and
 * {@code malware}, {@code vulnerability} and {@code attack-pattern} objects, tied by relationships where the story
 * names an actor. Ids are name-based (UUIDv5), so the same story, actor or country gets the same id in every export
 * and a platform updates what it already has; a report's {@code modified} is the story's last source. Pure.
 */
public final class StixBundle {
    /** The namespace of Spyglass's name-based STIX ids. */
    static final UUID NAMESPACE = UUID.fromString("5e7d5d3c-3f0e-4c59-9a53-1b0f4ad2c8a1");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Spyglass's sectors in STIX 2.1's industry-sector vocabulary. */
    private static final Map<String, String> SECTORS = Map.ofEntries(
            Map.entry("government", "government-national"), Map.entry("defense", "defense"),
            Map.entry("diplomatic", "government-national"), Map.entry("telecom", "telecommunications"),
            Map.entry("energy", "energy"), Map.entry("healthcare", "healthcare"), Map.entry("finance", "financial-services"),
            Map.entry("technology", "technology"), Map.entry("research", "education"), Map.entry("media", "communications"),
            Map.entry("political", "government"), Map.entry("civil-society", "non-profit"),
            Map.entry("critical-infrastructure", "infrastructure"));

    private StixBundle() {
    }

    /** The bundle of {@code stories}; an object several stories share (an actor, a country) is in it once. */
    public static ObjectNode of(List<Story> stories) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (Story story : stories) {
            addStory(story, objects);
        }
        ObjectNode bundle = JSON.objectNode();
        bundle.put("type", "bundle");
        StringBuilder content = new StringBuilder();
        stories.forEach(s -> content.append(s.storyId()).append('@').append(s.version()).append('\n'));
        bundle.put("id", "bundle--" + uuid5(content.toString()));
        ArrayNode all = bundle.putArray("objects");
        objects.values().forEach(all::add);
        return bundle;
    }

    private static void addStory(Story story, Map<String, ObjectNode> objects) {
        Tags tags = story.tags();
        String created = timestamp(story.firstSeen());
        Set<String> refs = new LinkedHashSet<>();
        List<String> actors = new ArrayList<>();
        for (Actor actor : tags.actors()) {
            ObjectNode set = object(objects, "intrusion-set", actor.name().toLowerCase(Locale.ROOT), created);
            set.put("name", actor.name());
            actors.add(set.get("id").asText());
        }
        refs.addAll(actors);
        for (Country state : tags.attributed()) {
            String location = location(objects, state, created);
            refs.add(location);
            actors.forEach(actor -> refs.add(relationship(objects, actor, "originates-from", location, created)));
        }
        List<String> targets = new ArrayList<>();
        tags.victims().forEach(victim -> targets.add(location(objects, victim, created)));
        for (String sector : tags.sectors()) {
            ObjectNode identity = object(objects, "identity", "sector:" + sector, created);
            identity.put("name", sector);
            identity.put("identity_class", "class");
            if (SECTORS.containsKey(sector)) {
                identity.putArray("sectors").add(SECTORS.get(sector));
            }
            targets.add(identity.get("id").asText());
        }
        tags.cves().forEach(cve -> targets.add(namedByReference(objects, "vulnerability", "cve", cve, created)));
        refs.addAll(targets);
        targets.forEach(target -> actors.forEach(actor ->
                refs.add(relationship(objects, actor, "targets", target, created))));
        List<String> used = new ArrayList<>();
        for (String name : tags.malware()) {
            ObjectNode malware = object(objects, "malware", name.toLowerCase(Locale.ROOT), created);
            malware.put("name", name);
            malware.put("is_family", true);
            used.add(malware.get("id").asText());
        }
        tags.techniques().forEach(t -> used.add(namedByReference(objects, "attack-pattern", "mitre-attack", t, created)));
        refs.addAll(used);
        used.forEach(tool -> actors.forEach(actor -> refs.add(relationship(objects, actor, "uses", tool, created))));
        for (StorySource source : story.sources()) {
            ObjectNode outlet = object(objects, "identity", "outlet:" + source.outlet(), created);
            outlet.put("name", source.outlet());
            outlet.put("identity_class", "organization");
            refs.add(outlet.get("id").asText());
        }
        objects.put("report:" + story.storyId(), report(story, refs));
    }

    private static ObjectNode report(Story story, Set<String> refs) {
        ObjectNode report = sdo("report", "report--" + uuid5("report:" + story.storyId()), timestamp(story.firstSeen()));
        report.put("modified", timestamp(story.lastSeen()));
        report.put("name", story.title());
        report.put("published", timestamp(story.firstSeen()));
        report.putArray("report_types").add("threat-report");
        report.put("confidence", (int) Math.round(story.tags().score() * 100));
        ArrayNode references = report.putArray("external_references");
        ObjectNode spyglass = references.addObject();
        spyglass.put("source_name", "spyglass");
        spyglass.put("external_id", story.storyId());
        story.sources().stream().sorted(Comparator.comparing(StorySource::articleId)).forEach(source -> {
            ObjectNode reference = references.addObject();
            reference.put("source_name", source.outlet());
            reference.put("url", source.url());
            reference.put("description", source.title());
        });
        ArrayNode objectRefs = report.putArray("object_refs");
        refs.forEach(objectRefs::add);
        return report;
    }

    private static String location(Map<String, ObjectNode> objects, Country country, String created) {
        ObjectNode location = object(objects, "location", "country:" + country.code(), created);
        location.put("name", country.name());
        location.put("country", country.code());
        return location.get("id").asText();
    }

    private static String relationship(Map<String, ObjectNode> objects, String source, String type, String target,
                                       String created) {
        ObjectNode relationship = object(objects, "relationship", source + " " + type + " " + target, created);
        relationship.put("relationship_type", type);
        relationship.put("source_ref", source);
        relationship.put("target_ref", target);
        return relationship.get("id").asText();
    }

    /** The object of {@code type} named {@code key}, made on first use with its id and the first story's time. */
    private static ObjectNode object(Map<String, ObjectNode> objects, String type, String key, String created) {
        return objects.computeIfAbsent(type + ":" + key, k -> sdo(type, type + "--" + uuid5(k), created));
    }

    private static ObjectNode sdo(String type, String id, String created) {
        ObjectNode o = JSON.objectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", created);
        o.put("modified", created);
        return o;
    }

    /** An object named by its id in another catalogue (a CVE, an ATT&CK technique), which it references; its id. */
    private static String namedByReference(Map<String, ObjectNode> objects, String type, String catalogue, String externalId,
                                           String created) {
        String name = externalId.toUpperCase(Locale.ROOT);
        ObjectNode o = object(objects, type, name, created);
        o.put("name", name);
        ObjectNode reference = o.putArray("external_references").addObject();
        reference.put("source_name", catalogue);
        reference.put("external_id", name);
        return o.get("id").asText();
    }

    /** STIX timestamps of created and modified are UTC to the millisecond. */
    static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1), in {@link #NAMESPACE}. */
    static UUID uuid5(String name) {
        return uuid5(NAMESPACE, name);
    }

    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
