package io.spyglass.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateFilterTest {

    private static Element first(String html) {
        return Jsoup.parseBodyFragment(html).body().child(0);
    }

    @Test
    void recognisesFurnitureByTagRoleAndName() {
        assertThat(BoilerplateFilter.isFurniture(first("<nav></nav>"))).isTrue();
        assertThat(BoilerplateFilter.isFurniture(first("<div role=\"complementary\"></div>"))).isTrue();
        assertThat(BoilerplateFilter.isFurniture(first("<div class=\"share-buttons\"></div>"))).isTrue();
        assertThat(BoilerplateFilter.isFurniture(first("<section id=\"comments\"></section>"))).isTrue();
        assertThat(BoilerplateFilter.isFurniture(first("<div class=\"cookieConsent\"></div>"))).isTrue();
    }

    @Test
    void ignoresDescriptiveClassNames() {
        assertThat(BoilerplateFilter.isFurniture(first("<div class=\"post tag-social category-comments\"></div>")))
                .isFalse();
        assertThat(BoilerplateFilter.isFurniture(first("<div class=\"header has-sharing section--ads\"></div>")))
                .isFalse();
        assertThat(BoilerplateFilter.isFurniture(first("<div class=\"field field--label-hidden\"></div>")))
                .isFalse();
        assertThat(BoilerplateFilter.isFurniture(first("<div class=\"commentary\"></div>"))).isFalse();
    }

    @Test
    void neverRemovesTheMarkedArticleBody() {
        assertThat(BoilerplateFilter.isFurniture(first("<article class=\"related\"></article>"))).isFalse();
        assertThat(BoilerplateFilter.isFurniture(first("<div itemprop=\"articleBody\" class=\"sidebar\"></div>")))
                .isFalse();
    }

    @Test
    void keepsFiguresThatHoldProse() {
        assertThat(BoilerplateFilter.isFurniture(first("<figure><img src=x><figcaption>c</figcaption></figure>")))
                .isTrue();
        assertThat(BoilerplateFilter.isFurniture(first("<figure><blockquote>Quoted words.</blockquote></figure>")))
                .isFalse();
    }

    @Test
    void treatsScriptsAndHiddenElementsAsNeverText() {
        assertThat(BoilerplateFilter.isNeverText(first("<script>x()</script>"))).isTrue();
        assertThat(BoilerplateFilter.isNeverText(first("<div hidden>x</div>"))).isTrue();
        assertThat(BoilerplateFilter.isNeverText(first("<div style=\"display: none\">x</div>"))).isTrue();
        assertThat(BoilerplateFilter.isNeverText(first("<div aria-hidden=\"true\">x</div>"))).isTrue();
        assertThat(BoilerplateFilter.isNeverText(first("<div style=\"color: red\">x</div>"))).isFalse();
    }

    @Test
    void keepsAnElementHoldingMostOfThePageWhateverItsName() {
        Element body = Jsoup.parse("<body><div class=\"has-sidebar sidebar-layout\"><p>" + Fixtures.P1 + "</p><p>"
                + Fixtures.P2 + "</p></div><div class=\"sidebar\"><p>Short aside text here.</p></div></body>").body();

        NodeStats stats = BoilerplateFilter.clean(body);

        assertThat(body.select("p")).hasSize(2);
        assertThat(stats.get(body).text).isEqualTo(Fixtures.P1.length() + Fixtures.P2.length());
    }
}
