package io.spyglass.ingest.extract;

import io.spyglass.model.ExtractionOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleExtractorTest {

    @Test
    void keepsHeadingsAndListItemsAsParagraphs() {
        assertThat(Fixtures.extract("structure-headings-lists.html").text()).isEqualTo(Fixtures.P1
                + "\n\nHow they got in\n\n" + Fixtures.P2
                + "\n\nStolen administrator passwords\n\nA forgotten remote-access server\n\n" + Fixtures.P3);
    }

    @Test
    void includesTheStandfirstBetweenHeadlineAndBody() {
        assertThat(Fixtures.extract("structure-lead.html").text()).isEqualTo(
                "A state-backed group spent months inside a regional energy network, a security firm reports.\n\n"
                        + Fixtures.ARTICLE);
    }

    @Test
    void decodesEntitiesAndCollapsesWhitespace() {
        assertThat(Fixtures.extract("structure-entities-whitespace.html").text()).startsWith(
                "Investigators said the group used \"living off the land\" techniques & stolen credentials — not malware.\n\n"
                        + Fixtures.P2);
    }

    @Test
    void splitsParagraphsLaidOutWithLineBreaks() {
        assertThat(Fixtures.extract("structure-br-paragraphs.html").text()).isEqualTo(Fixtures.ARTICLE);
    }

    @Test
    void joinsAnArticleSplitIntoSeparatelyWrappedSections() {
        assertThat(Fixtures.extract("structure-sections.html").text()).isEqualTo(Fixtures.ARTICLE);
    }

    @Test
    void prefersTheStructuredBodyWhenTheMarkupHoldsOnlyPartOfIt() {
        ExtractedPage page = Fixtures.extract("structured-body.html");

        assertThat(page.text()).startsWith(Fixtures.P1 + " " + Fixtures.P2 + " " + Fixtures.P3 + " The attackers")
                .endsWith("over the past year.");
        assertThat(page.outcome()).isEqualTo(ExtractionOutcome.FULL);
    }

    @Test
    void rendersMarkupInTheStructuredBodyAndKeepsTheStandfirst() {
        ExtractedPage page = Fixtures.extract("structured-body-markup.html");

        assertThat(page.text()).isEqualTo("A state-backed group spent months inside a regional energy network.\n\n"
                + Fixtures.ARTICLE + "\n\nThe attackers also took copies of maintenance schedules for three power "
                + "plants, which could help plan a disruptive attack later, the firm warned.");
    }

    @Test
    void reportsFullForAnOrdinaryArticle() {
        assertThat(Fixtures.extract("boilerplate-navigation.html").outcome()).isEqualTo(ExtractionOutcome.FULL);
    }

    @Test
    void reportsBlockedForABrowserCheckInterstitial() {
        assertThat(Fixtures.extract("outcome-blocked.html").outcome()).isEqualTo(ExtractionOutcome.BLOCKED);
    }

    @Test
    void reportsBlockedForAnAccessDeniedPage() {
        assertThat(Fixtures.extract("outcome-access-denied.html").outcome()).isEqualTo(ExtractionOutcome.BLOCKED);
    }

    @Test
    void reportsPaywalledWithTheFreeTeaserAsText() {
        ExtractedPage page = Fixtures.extract("outcome-paywalled.html");

        assertThat(page.outcome()).isEqualTo(ExtractionOutcome.PAYWALLED);
        assertThat(page.text()).startsWith(Fixtures.P1);
    }

    @Test
    void reportsPaywalledForPaywallMarkupAroundATeaser() {
        String page = "<html><body><article><h1>Spies</h1><p>" + Fixtures.P1 + "</p>"
                + "<div class=\"article-paywall\"><p>Subscribe to read on.</p></div></article></body></html>";

        ExtractedPage extracted = ArticleExtractor.withDefaults().extract(page.getBytes(StandardCharsets.UTF_8),
                Fixtures.URL, "text/html; charset=utf-8");

        assertThat(extracted.outcome()).isEqualTo(ExtractionOutcome.PAYWALLED);
    }

    @Test
    void reportsEmptyForAPageWithoutText() {
        ExtractedPage page = Fixtures.extract("outcome-empty.html");

        assertThat(page.outcome()).isEqualTo(ExtractionOutcome.EMPTY);
        assertThat(page.text()).isEmpty();
    }

    @Test
    void reportsEmptyForNoBytes() {
        assertThat(ArticleExtractor.withDefaults().extract(new byte[0], Fixtures.URL, "text/html"))
                .isEqualTo(ExtractedPage.withoutContent(ExtractionOutcome.EMPTY));
    }

    @Test
    void reportsEmptyForNullBody() {
        assertThat(ArticleExtractor.withDefaults().extract(null, null, null).outcome())
                .isEqualTo(ExtractionOutcome.EMPTY);
    }

    @Test
    void reportsNotHtmlForANonHtmlContentType() {
        ExtractedPage page = ArticleExtractor.withDefaults().extract(Fixtures.bytes("boilerplate-navigation.html"),
                Fixtures.URL, "application/pdf");

        assertThat(page).isEqualTo(ExtractedPage.withoutContent(ExtractionOutcome.NOT_HTML));
    }

    @Test
    void reportsNotHtmlForPdfBytesWithoutContentType() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj".getBytes(StandardCharsets.US_ASCII);

        assertThat(ArticleExtractor.withDefaults().extract(pdf, Fixtures.URL, null).outcome())
                .isEqualTo(ExtractionOutcome.NOT_HTML);
    }

    @Test
    void reportsNotHtmlForJsonServedAsText() {
        byte[] json = "{\"title\": \"not a page\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(ArticleExtractor.withDefaults().extract(json, Fixtures.URL, "text/plain").outcome())
                .isEqualTo(ExtractionOutcome.NOT_HTML);
    }

    @Test
    void neverThrowsOnBinaryGarbage() {
        byte[] garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }

        assertThat(ArticleExtractor.withDefaults().extract(garbage, null, null).outcome())
                .isEqualTo(ExtractionOutcome.NOT_HTML);
    }

    @Test
    void readsAPostThatOnlyANoscriptElementHolds() {
        String page = "<html><body><div class=\"post-body\"><script>render()</script><noscript><p>" + Fixtures.P1
                + "</p><p>" + Fixtures.P2 + "</p><p>" + Fixtures.P3 + "</p></noscript></div></body></html>";

        ExtractedPage extracted = ArticleExtractor.withDefaults().extract(page.getBytes(StandardCharsets.UTF_8),
                Fixtures.URL, "text/html");

        assertThat(extracted.text()).isEqualTo(Fixtures.ARTICLE);
    }

    @Test
    void survivesPathologicallyDeepNesting() {
        String page = "<html><body>" + "<div>".repeat(100_000) + "<p>" + Fixtures.P1 + "</p></body></html>";

        ExtractedPage extracted = ArticleExtractor.withDefaults().extract(page.getBytes(StandardCharsets.UTF_8),
                Fixtures.URL, "text/html");

        assertThat(extracted.text()).isEqualTo(Fixtures.P1);
    }

    @Test
    void usesTheSiteBodySelectorForItsHost() {
        var rules = SiteRules.fromMap(Map.of("gridtimes.example", Map.of("body", "#comments .comment")));

        ExtractedPage page = new ArticleExtractor(rules).extract(Fixtures.bytes("boilerplate-comments.html"),
                Fixtures.URL, null);

        assertThat(page.text()).isEqualTo("This is exactly what experts have been warning about for years, "
                + "and nobody in charge ever listened to them.");
    }

    @Test
    void appliesTheSiteRemoveSelectorBeforeExtraction() {
        var rules = SiteRules.fromMap(Map.of("gridtimes.example", Map.of("remove", "article p:last-of-type")));

        ExtractedPage page = new ArticleExtractor(rules).extract(Fixtures.bytes("boilerplate-navigation.html"),
                Fixtures.URL, null);

        assertThat(page.text()).isEqualTo(Fixtures.P1 + "\n\n" + Fixtures.P2);
    }

    @Test
    void ignoresSiteRulesOfOtherHosts() {
        var rules = SiteRules.fromMap(Map.of("other.example", Map.of("remove", "p")));

        ExtractedPage page = new ArticleExtractor(rules).extract(Fixtures.bytes("boilerplate-navigation.html"),
                Fixtures.URL, null);

        assertThat(page.text()).isEqualTo(Fixtures.ARTICLE);
    }
}
