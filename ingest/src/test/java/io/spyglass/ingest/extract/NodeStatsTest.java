package io.spyglass.ingest.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeStatsTest {

    private final Element body = Jsoup.parse("<body><div id=\"d\"><p id=\"p\">Spies,  stole <a href=\"/\">data</a>, "
            + "again.</p><script>var x = 'not text';</script><span id=\"s\">Label</span></div></body>").body();
    private final NodeStats stats = NodeStats.of(body);

    @Test
    void countsCollapsedTextLinksAndCommas() {
        NodeStats.Counts p = stats.get(body.getElementById("p"));

        assertThat(p.text).isEqualTo("Spies, stole data, again.".length());
        assertThat(p.link).isEqualTo(4);
        assertThat(p.commas).isEqualTo(2);
        assertThat(p.paragraphs).isEqualTo(1);
    }

    @Test
    void keepsNestedBlocksOutOfTheInlineText() {
        NodeStats.Counts div = stats.get(body.getElementById("d"));

        assertThat(div.text).isEqualTo("Spies, stole data, again.".length() + "Label".length());
        assertThat(div.inline).isEqualTo("Label".length());
    }

    @Test
    void discountsARemovedElementFromItsAncestors() {
        Element span = body.getElementById("s");

        stats.discount(span);

        assertThat(stats.get(body).text).isEqualTo("Spies, stole data, again.".length());
        assertThat(stats.get(body.getElementById("d")).inline).isZero();
    }

    @Test
    void reportsLinkDensity() {
        assertThat(stats.linkDensity(body.getElementById("p"))).isEqualTo(4.0 / 25);
    }
}
