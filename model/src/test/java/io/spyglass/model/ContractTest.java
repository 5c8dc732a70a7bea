package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spyglass.model.Contract.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final FeedRef FEED = new FeedRef("https://news.example/feed", "Example News");

    static Article article() {
        return new Article(Article.SCHEMA_VERSION, "a1", "https://news.example/a1", "Spies in the network", null, FEED,
                "Text.", ExtractionOutcome.FULL, null, List.of("A. Writer"), NOW);
    }

    static Tags tags() {
        return new Tags(true, 0.9, List.of(new Country("CN", "China")), List.of(new Country("JP", "Japan")),
                List.of(new Actor("APT40", "CN"), new Actor("Unknown crew", null)), List.of("defense"), List.of(),
                List.of("CVE-2023-1234"), List.of("T1566"),
                List.of(new Evidence("attributed", "CN", "China", 4, "country-gazetteer")), "test/1");
    }

    private static JsonNode json(Object record) {
        return Json.MAPPER.valueToTree(record);
    }

    @Test
    void everyRecordThisBuildWritesConformsToItsSchema() {
        EnrichedArticle enriched = EnrichedArticle.of(article(), tags());
        Story story = new Story(Story.SCHEMA_VERSION, "s1", 2, "Spies in the network", "https://news.example/a1", NOW, NOW,
                tags(), List.of(new StorySource("a1", "https://news.example/a1", "Spies in the network", "Example News", FEED,
                        null, NOW, "en", "Text.", tags().evidence()),
                        new StorySource("a2", "https://other.example/a2", "Spies", "other.example",
                                new FeedRef("https://other.example/rss", null), NOW, NOW, null, null, List.of())));

        assertThat(Contract.violations(Kind.ARTICLE, json(article()))).isEmpty();
        assertThat(Contract.violations(Kind.ENRICHED_ARTICLE, json(enriched))).isEmpty();
        assertThat(Contract.violations(Kind.STORY, json(story))).isEmpty();
        assertThat(Contract.violations(Kind.DEAD_LETTER, Contract.deadLetterView(
                DeadLetter.headers("sink", "spyglass.enriched", 2, 17, "Not a valid record"),
                "{not json".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void theFeedStatusSchemaAcceptsAFailingAndAHealthyFeed() throws Exception {
        JsonNode failing = Json.MAPPER.readTree("""
                {"schemaVersion":1,"url":"https://news.example/feed","lastAttempt":"2026-11-29T10:00:00Z",
                 "lastSuccess":null,"httpStatus":503,"itemsSeen":0,"consecutiveFailures":3,
                 "errorClass":"HTTP_STATUS","message":"503 Service Unavailable"}""");
        JsonNode healthy = Json.MAPPER.readTree("""
                {"schemaVersion":1,"url":"https://news.example/feed","lastAttempt":"2026-11-29T10:00:00Z",
                 "lastSuccess":"2026-11-29T10:00:00Z","httpStatus":200,"itemsSeen":25,"consecutiveFailures":0,
                 "errorClass":null,"message":null,"newestItem":"2026-11-29T08:12:00Z","lastNewArticle":null}""");

        assertThat(Contract.violations(Kind.FEED_STATUS, failing)).isEmpty();
        assertThat(Contract.violations(Kind.FEED_STATUS, healthy)).isEmpty();
    }

    @Test
    void anEnrichedArticleIsTheArticlesFieldsBesideItsTagsAndReadsBackEqual() throws Exception {
        EnrichedArticle enriched = EnrichedArticle.of(article(), "ja", tags());
        JsonNode node = json(enriched);
        List<String> expected = new java.util.ArrayList<>();
        json(article()).fieldNames().forEachRemaining(expected::add);
        expected.add("tags");

        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(node.get("language").asText()).isEqualTo("ja");
        assertThat(Json.MAPPER.treeToValue(node, EnrichedArticle.class)).isEqualTo(enriched);
    }

    @Test
    void rejectsARecordWithoutItsKeyField() {
        ObjectNode record = (ObjectNode) json(EnrichedArticle.of(article(), tags()));
        record.remove("id");

        assertThat(Contract.violations(Kind.ENRICHED_ARTICLE, record)).containsExactly(": required property 'id' not found");
    }

    @Test
    void rejectsAnotherMajorVersion() {
        ObjectNode record = (ObjectNode) json(article());
        record.put("schemaVersion", 2);

        assertThat(Contract.violations(Kind.ARTICLE, record)).containsExactly("/schemaVersion: must be the constant value '1'");
    }

    @Test
    void acceptsFieldsAddedLater() {
        ObjectNode record = (ObjectNode) json(article());
        record.put("summary", "added in a later minor version");

        assertThat(Contract.violations(Kind.ARTICLE, record)).isEmpty();
    }

    @Test
    void rejectsADeadLetterWithoutItsSourceOffset() {
        var headers = DeadLetter.headers("enrich", "spyglass.articles", 0, 5, "boom");
        headers.remove(DeadLetter.SOURCE_OFFSET);

        assertThat(Contract.violations(Kind.DEAD_LETTER, Contract.deadLetterView(headers, null)))
                .containsExactly("/headers: required property 'spyglass.source.offset' not found");
    }
}
