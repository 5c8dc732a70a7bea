package io.spyglass.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlRepairTest {

    @Test
    void leavesAWellFormedDocumentAsItIs() {
        String xml = "<rss><title>Caf\u00e9 &amp; bar &#8217;s &#x2019; &copy; \ud83d\ude00</title>"
                + "<link><![CDATA[https://a.example/?x=1&y=2]]></link></rss>";

        assertThat(XmlRepair.repaired(xml)).isEqualTo(xml);
    }

    @Test
    void dropsCharactersXmlForbidsEvenInCdata() {
        assertThat(XmlRepair.repaired("<t>A\u000BB\u001A\u0000C</t><d><![CDATA[x\u0008y]]></d>"))
                .isEqualTo("<t>ABC</t><d><![CDATA[xy]]></d>");
    }

    @Test
    void escapesAmpersandsThatStartNoReferenceButNotInCdata() {
        assertThat(XmlRepair.repaired("<l>https://a.example/?a=1&b=2</l><t>R&D & more &#; &#x; &amp;</t><c><![CDATA[a&b]]></c>"))
                .isEqualTo("<l>https://a.example/?a=1&amp;b=2</l><t>R&amp;D &amp; more &amp;#; &amp;#x; &amp;</t>"
                        + "<c><![CDATA[a&b]]></c>");
    }

    @Test
    void dropsAnUnpairedSurrogateButKeepsAPair() {
        assertThat(XmlRepair.repaired("<t>a\ud800b\ud83d\ude00</t>")).isEqualTo("<t>ab\ud83d\ude00</t>");
    }
}
