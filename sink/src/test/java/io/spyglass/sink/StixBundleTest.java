package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StixBundleTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final Country CN = new Country("CN", "China");
    private static final Country JP = new Country("JP", "Japan");
    /** What STIX 2.1 allows from an intrusion set, by relationship type, to the object types here. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "originates-from", Set.of("location"),
            "targets", Set.of("identity", "location", "vulnerability"),
            "uses", Set.of("malware", "attack-pattern"));

    private static StorySource source(String id, String outlet, Instant published) {
        return new StorySource(id, "https://" + outlet + "/" + id, "Report " + id, outlet,
                new FeedRef("https://" + outlet + "/feed", outlet), published, published, "en", "text", List.of());
    }

    private static Story story(String id, int version, List<Actor> actors, List<StorySource> sources) {
        Tags tags = new Tags(true, 0.874, List.of(CN), List.of(JP), actors, List.of("defense", "quantum-sector"),
                List.of("ShadowPad"), List.of("cve-2024-1234"), List.of("T1190"), List.of(), "test/1");
        return new Story(1, id, version, "PLA hackers inside Japan's defence networks", sources.get(0).url(), T0,
                sources.get(sources.size() - 1).published(), tags, sources);
    }

    private static Map<String, JsonNode> byId(JsonNode bundle) {
        Map<String, JsonNode> objects = new HashMap<>();
        bundle.get("objects").forEach(o -> objects.put(o.get("id").asText(), o));
        return objects;
    }

    private static List<JsonNode> ofType(JsonNode bundle, String type) {
        List<JsonNode> out = new ArrayList<>();
        bundle.get("objects").forEach(o -> {
            if (o.get("type").asText().equals(type)) {
                out.add(o);
            }
        });
        return out;
    }

    @Test
    void makesNameBasedIdsAsRfc4122VersionFiveDoes() {
        // the values Python's uuid.uuid5 gives for the same namespaces and names
        assertThat(StixBundle.uuid5("report:abc")).isEqualTo(UUID.fromString("7950312b-f132-5560-a757-c878e1d89e70"));
        assertThat(StixBundle.uuid5(UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7"), "{\"value\":\"example.com\"}"))
                .isEqualTo(UUID.fromString("bedb4899-d24b-5401-bc86-8f6b4cc18ec7"));
        assertThat(StixBundle.timestamp(Instant.parse("2026-03-04T05:06:07.123456Z"))).isEqualTo("2026-03-04T05:06:07.123Z");
    }

    @Test
    void writesAReportWithItsSourcesAndTheActorsRelationshipsAllResolvable() {
        Story story = story("s1", 2, List.of(new Actor("APT41", "CN")),
                List.of(source("a1", "desk.example", T0), source("a2", "wire.example", T0.plusSeconds(3600))));

        JsonNode bundle = StixBundle.of(List.of(story));
        Map<String, JsonNode> objects = byId(bundle);

        assertThat(bundle.get("type").asText()).isEqualTo("bundle");
        assertThat(bundle.get("id").asText())
                .matches("bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        bundle.get("objects").forEach(o -> {
            String type = o.get("type").asText();
            assertThat(o.get("id").asText()).startsWith(type + "--");
            assertThat(o.get("spec_version").asText()).isEqualTo("2.1");
            assertThat(o.get("created").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(o.get("modified").asText()).isGreaterThanOrEqualTo(o.get("created").asText());
        });
        JsonNode report = ofType(bundle, "report").get(0);
        assertThat(report.get("name").asText()).isEqualTo(story.title());
        assertThat(report.get("published").asText()).isEqualTo("2026-03-04T05:06:07.000Z");
        assertThat(report.get("modified").asText()).isEqualTo("2026-03-04T06:06:07.000Z");
        assertThat(report.get("confidence").asInt()).isEqualTo(87);
        assertThat(report.get("external_references").findValuesAsText("url"))
                .containsExactly("https://desk.example/a1", "https://wire.example/a2");
        assertThat(report.get("object_refs")).allSatisfy(ref -> assertThat(objects).containsKey(ref.asText()));
        Set<String> referenced = new HashSet<>();
        report.get("object_refs").forEach(ref -> referenced.add(ref.asText()));
        assertThat(referenced).containsAll(objects.keySet().stream().filter(id -> !id.startsWith("report--")).toList());

        List<JsonNode> relationships = ofType(bundle, "relationship");
        assertThat(relationships).hasSize(7);
        for (JsonNode r : relationships) {
            JsonNode source = objects.get(r.get("source_ref").asText());
            JsonNode target = objects.get(r.get("target_ref").asText());
            assertThat(source.get("type").asText()).isEqualTo("intrusion-set");
            assertThat(ALLOWED.get(r.get("relationship_type").asText())).contains(target.get("type").asText());
        }
        assertThat(relationships.stream().map(r -> r.get("relationship_type").asText() + " "
                + objects.get(r.get("target_ref").asText()).path("name").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("originates-from China", "targets Japan", "targets defense",
                        "targets quantum-sector", "targets CVE-2024-1234", "uses ShadowPad", "uses T1190");
    }

    @Test
    void sharesObjectsBetweenStoriesAndKeepsIdsFromExportToExport() {
        Story first = story("s1", 1, List.of(new Actor("APT41", "CN")), List.of(source("a1", "desk.example", T0)));
        Story second = story("s2", 1, List.of(), List.of(source("b1", "desk.example", T0.plusSeconds(60))));
        Story firstLater = story("s1", 2, List.of(new Actor("APT41", "CN")),
                List.of(source("a1", "desk.example", T0), source("a3", "news.example", T0.plusSeconds(7200))));

        JsonNode both = StixBundle.of(List.of(first, second));
        JsonNode again = StixBundle.of(List.of(firstLater));

        assertThat(ofType(both, "location")).extracting(l -> l.get("country").asText())
                .containsExactlyInAnyOrder("CN", "JP");
        assertThat(ofType(both, "report")).hasSize(2);
        assertThat(ofType(both, "report").get(1).get("object_refs")).isNotEmpty();
        String reportId = ofType(both, "report").get(0).get("id").asText();
        JsonNode later = ofType(again, "report").get(0);
        assertThat(later.get("id").asText()).isEqualTo(reportId);
        assertThat(later.get("modified").asText()).isGreaterThan(ofType(both, "report").get(0).get("modified").asText());
        assertThat(ofType(again, "intrusion-set").get(0).get("id").asText())
                .isEqualTo(ofType(both, "intrusion-set").get(0).get("id").asText());
    }
}
