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

    @Test
    void dropsADoctypeThatOnlyNamesAnExternalDtd() {
        assertThat(XmlRepair.repaired("<?xml version=\"1.0\"?>\n<!-- legacy -->\n<!DOCTYPE rss PUBLIC "
                + "\"-//Netscape Communications//DTD RSS 0.91//EN\"\n  'http://my.netscape.com/publish/formats/rss-0.91.dtd'>\n<rss/>"))
                .isEqualTo("<?xml version=\"1.0\"?>\n<!-- legacy -->\n\n<rss/>");
        assertThat(XmlRepair.repaired("<!DOCTYPE feed SYSTEM \"feed.dtd\"><feed xmlns=\"http://www.w3.org/2005/Atom\"/>"))
                .isEqualTo("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
        assertThat(XmlRepair.repaired("<!DOCTYPE rss><rss/>")).isEqualTo("<rss/>");
    }

    @Test
    void keepsADoctypeWithAnInternalSubsetOrOneAfterTheRootElement() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><lolz>&lol;</lolz>";
        String late = "<rss><!DOCTYPE rss SYSTEM \"x.dtd\"></rss>";

        assertThat(XmlRepair.repaired(bomb)).isEqualTo(bomb);
        assertThat(XmlRepair.repaired(late)).isEqualTo(late);
    }

    @Test
    void declaresPrefixesUsedButNeverDeclaredOnTheRootElement() {
        String xml = "<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<item><content:encoded>x</content:encoded><dc:date>d</dc:date><shop:price x:unit='eur'>1</shop:price>"
                + "<link xml:lang=\"en\">Note: see a:b</link></item></rss>";

        assertThat(XmlRepair.repaired(xml)).isEqualTo("<?xml version=\"1.0\"?><!-- c --><rss"
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:shop=\"urn:x-undeclared-prefix:shop\""
                + " xmlns:x=\"urn:x-undeclared-prefix:x\" version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<item><content:encoded>x</content:encoded><dc:date>d</dc:date><shop:price x:unit='eur'>1</shop:price>"
                + "<link xml:lang=\"en\">Note: see a:b</link></item></rss>");
    }

    @Test
    void givesAnAtomFeedWithoutNamespaceAtomsNamespaceButLeavesOneThatHasOne() {
        assertThat(XmlRepair.repaired("<?xml version=\"1.0\"?>\n<feed xml:lang=\"en\"><title>t</title></feed>"))
                .isEqualTo("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>t</title></feed>");
        String declared = "<feed xmlns=\"http://purl.org/atom/ns#\"><title>R&D</title></feed>";
        assertThat(XmlRepair.repaired(declared)).isEqualTo(declared.replace("R&D", "R&amp;D"));
    }
}
