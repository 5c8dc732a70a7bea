package io.spyglass.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentScorerTest {

    private static List<Element> content(String bodyHtml, String title) {
        Element body = Jsoup.parse("<body>" + bodyHtml + "</body>").body();
        return ContentScorer.findContent(body, NodeStats.of(body), title);
    }

    @Test
    void picksTheContainerWithTheProse() {
        List<Element> found = content("<div id=\"teasers\"><p><a href=\"/a\">One teaser headline that is long</a></p></div>"
                + "<div id=\"story\"><p>" + Fixtures.P1 + "</p><p>" + Fixtures.P2 + "</p><p>" + Fixtures.P3 + "</p></div>",
                "");

        assertThat(found).extracting(Element::id).containsExactly("story");
    }

    @Test
    void prependsTheStandfirstBetweenHeadlineAndBody() {
        List<Element> found = content("<h2>Spies in the grid</h2><p id=\"lead\">A group spent months inside a regional "
                + "energy network, a security firm reports.</p><div id=\"wrap\"><div id=\"story\"><p>" + Fixtures.P1 + "</p><p>"
                + Fixtures.P2 + "</p></div></div>", "Spies in the grid");

        assertThat(found).extracting(Element::id).containsExactly("lead", "wrap");
    }

    @Test
    void growsToTheWrapperOfAnArticleSplitIntoSections() {
        List<Element> found = content("<div id=\"teasers\"><p><a href=\"/a\">One teaser headline that is long</a></p></div>"
                + "<div id=\"article\"><div><section><p>" + Fixtures.P1 + "</p><p>" + Fixtures.P2 + "</p></section></div>"
                + "<div><section><p>" + Fixtures.P3 + "</p></section></div></div>", "");

        assertThat(found).extracting(Element::id).containsExactly("article");
    }

    @Test
    void findsNothingWithoutParagraphs() {
        assertThat(content("<div><a href=\"/\">Home</a></div>", "")).isEmpty();
    }
}
