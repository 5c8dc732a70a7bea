package io.spyglass.ingest.extract;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataExtractionTest {

    @Test
    void readsJsonLdArticle() {
        ExtractedPage page = Fixtures.extract("metadata-json-ld.html");

        assertThat(page.title()).isEqualTo("Spies spent eight months in energy network");
        assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
        assertThat(page.published()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
        assertThat(page.modified()).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.canonicalUrl()).isEqualTo("https://gridtimes.example/2026/03/spies-energy");
        assertThat(page.siteName()).isEqualTo("Grid Times");
        assertThat(page.image()).isEqualTo("https://gridtimes.example/img/plant.jpg");
        assertThat(page.description()).isEqualTo("A state-backed group copied engineering drawings.");
    }

    @Test
    void readsOpenGraphAndMetaTags() {
        ExtractedPage page = Fixtures.extract("metadata-open-graph.html");

        assertThat(page.title()).isEqualTo("Energy operator breached by spies");
        assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
        assertThat(page.published()).isEqualTo(Instant.parse("2026-03-03T09:30:00Z"));
        assertThat(page.modified()).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(page.language()).isEqualTo("de");
        assertThat(page.canonicalUrl()).isEqualTo("https://gridtimes.example/2026/03/energy-spies");
        assertThat(page.siteName()).isEqualTo("Grid Times");
        assertThat(page.image()).isEqualTo("https://gridtimes.example/img/lead.jpg");
        assertThat(page.description()).isEqualTo("Eight months of espionage at a regional energy operator.");
    }

    @Test
    void fallsBackToMarkupAndDetectsLanguage() {
        ExtractedPage page = Fixtures.extract("metadata-markup.html");

        assertThat(page.title()).isEqualTo("Energy operator breached by spies");
        assertThat(page.authors()).containsExactly("Jane Doe");
        assertThat(page.published()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(page.modified()).isNull();
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.canonicalUrl()).isNull();
        assertThat(page.siteName()).isNull();
        assertThat(page.image()).isNull();
        assertThat(page.description()).isNull();
    }

    @Test
    void stripsSiteNameSuffixAfterPipe() {
        assertThat(MetadataExtractor.cleanTitle("Spies in the grid | Grid Times", null, null))
                .isEqualTo("Spies in the grid");
    }

    @Test
    void stripsSiteNameMatchingTheHost() {
        assertThat(MetadataExtractor.cleanTitle("Spies in the grid - Gridtimes", null,
                URI.create("https://www.gridtimes.example/a"))).isEqualTo("Spies in the grid");
    }

    @Test
    void stripsSiteNamePrefix() {
        assertThat(MetadataExtractor.cleanTitle("Grid Times: Spies in the grid", "Grid Times", null))
                .isEqualTo("Spies in the grid");
    }

    @Test
    void keepsDashesThatArePartOfTheHeadline() {
        assertThat(MetadataExtractor.cleanTitle("Russia - Ukraine talks stall again", null, null))
                .isEqualTo("Russia - Ukraine talks stall again");
    }

    @Test
    void readsAuthorsFromAStringList() {
        assertThat(MetadataExtractor.extract(org.jsoup.Jsoup.parse(
                "<script type=application/ld+json>{\"@type\":\"BlogPosting\",\"author\":\"By Ann Lee and Bo Chan\"}</script>"),
                null).authors()).isEqualTo(List.of("Ann Lee", "Bo Chan"));
    }

    @Test
    void toleratesMalformedJsonLd() {
        PageMetadata meta = MetadataExtractor.extract(org.jsoup.Jsoup.parse(
                "<html lang=fr><head><title>Titre</title><script type=application/ld+json>{\"@type\": \"NewsArticle\", "
                        + "\"headline\": \"Broken\",</script></head></html>"), null);

        assertThat(meta.title()).isEqualTo("Titre");
        assertThat(meta.declaredLanguage()).isEqualTo("fr");
    }

    @Test
    void marksArticlesThatAreNotFree() {
        PageMetadata meta = MetadataExtractor.extract(org.jsoup.Jsoup.parse(
                "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":\"False\"}</script>"),
                null);

        assertThat(meta.accessibleForFree()).isFalse();
    }
}
