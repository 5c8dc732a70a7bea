package io.spyglass.ingest.feed;

import static io.spyglass.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static ParsedFeed parse(String name, String feedUrl) throws FeedParseException {
        return FeedParser.parse(feed(name), "application/xml", URI.create(feedUrl));
    }

    /** Why {@link FeedParser} refuses {@code xml}, served as a feed from a URL whose host does not matter. */
    private static FeedParseException refusal(String xml) {
        return assertThrows(FeedParseException.class, () -> FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", URI.create("https://desk.example/feed")));
    }

    @Test
    void readsAFeedWhoseDeclaredEncodingDoesNotExistAsUtf8OrElseWindows1252() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"utf8-bogus\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 desk</title>"
                + "<item><title>Caf\u00e9 \u2013 breach</title><link>https://cafe.example/a</link></item></channel></rss>";

        ParsedFeed utf8 = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/xml", URI.create("https://cafe.example/feed"));
        ParsedFeed cp1252 = FeedParser.parse(rss.getBytes(Charset.forName("windows-1252")), "application/xml",
                URI.create("https://cafe.example/feed"));

        assertThat(utf8.title()).isEqualTo("Caf\u00e9 desk");
        assertThat(utf8.items()).extracting(FeedItem::title).containsExactly("Caf\u00e9 \u2013 breach");
        assertThat(cp1252.items()).extracting(FeedItem::title).containsExactly("Caf\u00e9 \u2013 breach");
    }

    @Test
    void readsAFeedWithAStrayControlCharacterAndABareAmpersandOnASecondTry() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                + "<item><title>Ministry\u000B mail breached</title><link>https://desk.example/a?id=1&src=rss</link></item>"
                + "<item><title>Second</title><link>https://desk.example/b</link></item></channel></rss>";

        ParsedFeed feed = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                URI.create("https://desk.example/feed"));

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Ministry mail breached", "Second");
        assertThat(feed.items().get(0).link()).isEqualTo(URI.create("https://desk.example/a?id=1&src=rss"));
    }

    @Test
    void reportsTheOriginalErrorWhenTheRepairDoesNotHelp() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut\u000B</title><item><title>x</title>";

        FeedParseException e = refusal(rss);

        assertThat(e.getMessage()).startsWith("not a valid RSS/Atom feed").contains("invalid XML character");
    }

    @Test
    void readsRss091() throws Exception {
        ParsedFeed feed = parse("rss-0.91.xml", "https://news.example.org/rss");

        assertThat(feed.title()).isEqualTo("Harbour Watch 0.91");
        assertThat(feed.items()).containsExactly(new FeedItem(
                URI.create("https://news.example.org/2024/lighthouse-signals"), "Lighthouse keepers report odd signals",
                null, List.of(), "Keepers on the north coast logged unexplained radio bursts."));
        assertThat(feed.skipped()).isZero();
    }

    @Test
    void readsRss10WithDublinCoreDateAndCreator() throws Exception {
        ParsedFeed feed = parse("rss-1.0.xml", "https://cert.example.net/rss");

        assertThat(feed.title()).isEqualTo("Example CERT advisories");
        assertThat(feed.items()).containsExactly(new FeedItem(
                URI.create("https://cert.example.net/advisories/2024-017"), "Advisory 2024-017: router firmware backdoor",
                Instant.parse("2024-03-05T08:30:00Z"), List.of("Duty Officer"), "A hidden account was found in router firmware."));
    }

    @Test
    void readsRss20PreferringContentEncodedAndNormalisingWhitespace() throws Exception {
        ParsedFeed feed = parse("rss-2.0.xml", "https://desk.example.com/feed");

        assertThat(feed.title()).isEqualTo("Example Security Desk");
        assertThat(feed.items()).containsExactly(
                new FeedItem(URI.create("https://desk.example.com/2024/05/ministry-mail?utm_source=rss&id=7"),
                        "State hackers breach ministry mail", Instant.parse("2024-05-07T09:15:00Z"), List.of("A. Writer"),
                        "<p>First paragraph of the story.</p><p>Second paragraph.</p>"),
                new FeedItem(URI.create("https://desk.example.com/2024/05/second"), "Second story", null, List.of(),
                        "Only a description here."));
    }

    @Test
    void readsAtom10UsingTheAlternateLinkAndFallingBackToTheUpdateTime() throws Exception {
        ParsedFeed feed = parse("atom-1.0.xml", "https://research.example.com/atom.xml");

        assertThat(feed.title()).isEqualTo("Example Research Blog");
        assertThat(feed.items()).containsExactly(
                new FeedItem(URI.create("https://research.example.com/posts/42"), "Tracking a long-running intrusion set",
                        Instant.parse("2024-06-01T10:00:00Z"), List.of("Research Team"), "<p>Full body of post 42.</p>"),
                new FeedItem(URI.create("https://research.example.com/posts/43"), "Update only",
                        Instant.parse("2024-06-02T08:00:00Z"), List.of(), "Only updated, never published."));
    }

    @Test
    void readsAtom03() throws Exception {
        ParsedFeed feed = parse("atom-0.3.xml", "https://legacy.example.com/atom");

        assertThat(feed.title()).isEqualTo("Legacy Atom");
        assertThat(feed.items()).extracting(FeedItem::link, FeedItem::title)
                .containsExactly(tuple(URI.create("https://legacy.example.com/2004/entry"), "Atom 0.3 entry"));
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeedUrl() throws Exception {
        ParsedFeed feed = parse("relative-links.xml", "https://rel.example.com/feeds/main.xml");

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                URI.create("https://rel.example.com/news/root-relative"),
                URI.create("https://rel.example.com/feeds/path-relative.html"),
                URI.create("https://rel.example.com/news/with%20space"));
    }

    @Test
    void skipsItemsWithoutAUsableLinkInsteadOfInventingOneFromAnOpaqueGuid() throws Exception {
        ParsedFeed feed = parse("items-without-link.xml", "https://nolink.example.com/feed");

        assertThat(feed.items()).extracting(FeedItem::link)
                .containsExactly(URI.create("https://nolink.example.com/posts/permalink"));
        assertThat(feed.skipped()).isEqualTo(3);
    }

    @Test
    void keepsDuplicateItemsForTheCallerToDeduplicateById() throws Exception {
        ParsedFeed feed = parse("duplicate-guids.xml", "https://dup.example.com/feed");

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                URI.create("https://dup.example.com/a"), URI.create("https://dup.example.com/a?utm_campaign=x"));
    }

    @Test
    void readsAnRss091FeedThatNamesNetscapesDtd() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE rss PUBLIC "
                + "\"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
                + "<rss version=\"0.91\"><channel><title>Old desk</title><link>https://old.example/</link><description>d</description>"
                + "<language>en</language><item><title>Embassy&nbsp;mail stolen</title><link>https://old.example/1</link></item>"
                + "</channel></rss>";

        ParsedFeed feed = FeedParser.parse(rss.getBytes(StandardCharsets.ISO_8859_1), "text/xml", URI.create("https://old.example/rss"));

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Embassy mail stolen");
    }

    @Test
    void readsModuleElementsWhoseNamespaceThePublisherForgotToDeclare() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                + "<item><title>Ministry mail breached</title><link>https://desk.example/a</link><description>Short.</description>"
                + "<content:encoded><![CDATA[<p>The whole story.</p>]]></content:encoded>"
                + "<dc:date>2026-03-04T05:06:07Z</dc:date><dc:creator>R. Reporter</dc:creator></item></channel></rss>";

        ParsedFeed feed = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                URI.create("https://desk.example/feed"));

        assertThat(feed.items()).containsExactly(new FeedItem(URI.create("https://desk.example/a"), "Ministry mail breached",
                Instant.parse("2026-03-04T05:06:07Z"), List.of("R. Reporter"), "<p>The whole story.</p>"));
    }

    @Test
    void readsAnAtomFeedWithoutAtomsNamespace() throws Exception {
        String atom = "<feed><title>Lab notes</title><updated>2026-03-04T05:06:07Z</updated>"
                + "<entry><title>Implant found on router</title><link rel=\"alternate\" href=\"https://lab.example/implant\"/>"
                + "<id>tag:lab.example,2026:1</id><updated>2026-03-04T05:06:07Z</updated></entry></feed>";

        ParsedFeed feed = FeedParser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml",
                URI.create("https://lab.example/atom"));

        assertThat(feed.title()).isEqualTo("Lab notes");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(URI.create("https://lab.example/implant"));
    }

    @Test
    void saysWhichRootElementWellFormedXmlThatIsNoFeedHas() {
        String xml = "<?xml version=\"1.0\"?><catalog><book>Spies</book></catalog>";

        FeedParseException e = refusal(xml);

        assertThat(e.getMessage()).isEqualTo("not a feed: the root element <catalog> is not RSS, RSS 1.0 (RDF with a channel) or Atom");
    }

    @Test
    void saysThatAnRssWithoutChannelHasNone() {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><item><title>x</title></item></rss>";

        FeedParseException e = refusal(xml);

        assertThat(e.getMessage()).isEqualTo("not a valid RSS/Atom feed: Invalid XML (no <channel> element)");
    }

    @Test
    void knowsTheNewestItemAmongTheDatedOnes() throws Exception {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                + "<item><title>a</title><link>https://desk.example/a</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>"
                + "<item><title>b</title><link>https://desk.example/b</link></item>"
                + "<item><title>c</title><link>https://desk.example/c</link><pubDate>Wed, 04 Mar 2026 07:00:00 +0100</pubDate></item>"
                + "</channel></rss>";

        ParsedFeed feed = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create("https://desk.example/feed"));

        assertThat(feed.newestItem()).isEqualTo(Instant.parse("2026-03-04T06:00:00Z"));
        assertThat(new ParsedFeed("", feed.items().subList(1, 2), 0).newestItem()).isNull();
    }

    @Test
    void repairsAFeedWithAHugeCommentOrRunOfWhiteSpaceBeforeItsRootWithoutOverflowingTheStack() throws Exception {
        String item = "<item><title>Ministry mail breached</title><link>https://desk.example/a?x=1&y=2</link></item>";
        String commented = "<?xml version=\"1.0\"?><!--" + "-a".repeat(200_000) + "-->\n<!DOCTYPE rss SYSTEM \"rss.dtd\">"
                + "<rss version=\"2.0\"><channel><title>Desk</title>" + item + "</channel></rss>";
        String spaced = "<?xml version=\"1.0\"?>" + " \n".repeat(200_000) + "<rss version=\"2.0\"><channel><title>Desk</title>"
                + item + "</channel></rss>";

        for (String rss : List.of(commented, spaced)) {
            ParsedFeed feed = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                    URI.create("https://desk.example/feed"));

            assertThat(feed.items()).extracting(FeedItem::link).containsExactly(URI.create("https://desk.example/a?x=1&y=2"));
        }
    }

    @Test
    void refusesAnEntityFromAnExternalDtdWithoutLoadingIt() {
        String rss = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + "<rss version=\"2.0\"><channel><title>&secret;</title></channel></rss>";

        FeedParseException e = refusal(rss);

        assertThat(e.getMessage()).startsWith("not a valid RSS/Atom feed").contains("DOCTYPE is disallowed");
    }

    @Test
    void refusesAnExternalEntityPayload() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse("xxe.xml", "https://xxe.example.com/feed"));

        assertThat(e.getMessage()).isEqualTo(
                "not a valid RSS/Atom feed: Invalid XML: Error on line 2: DOCTYPE is disallowed when the feature "
                        + "\"http://apache.org/xml/features/disallow-doctype-decl\" set to true.");
    }

    @Test
    void refusesBillionLaughs() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parse("billion-laughs.xml", "https://laughs.example.com/feed"));

        assertThat(e.getMessage()).isEqualTo(
                "not a valid RSS/Atom feed: Invalid XML: Error on line 2: DOCTYPE is disallowed when the feature "
                        + "\"http://apache.org/xml/features/disallow-doctype-decl\" set to true.");
    }

    @Test
    void reportsMalformedXmlWithItsLine() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parse("malformed.xml", "https://broken.example.com/feed"));

        assertThat(e.getMessage()).isEqualTo(
                "not a valid RSS/Atom feed: Invalid XML: Error on line 7: The element type \"item\" must be terminated "
                        + "by the matching end-tag \"</item>\".");
    }

    @Test
    void reportsHtmlServedAsAFeed() {
        byte[] html = "<!doctype html><html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8);

        FeedParseException e = assertThrows(FeedParseException.class,
                () -> FeedParser.parse(html, "text/html", URI.create("https://html.example.com/feed")));

        assertThat(e.getMessage()).isEqualTo("not a feed: got an HTML page (Content-Type: text/html)");
    }

    @Test
    void reportsAnEmptyBody() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> FeedParser.parse(new byte[0], null, URI.create("https://empty.example.com/feed")));

        assertThat(e.getMessage()).isEqualTo("not a feed: the body is empty");
    }

    @Test
    void decodesShiftJisDeclaredInTheProlog() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss version=\"2.0\"><channel><title>防衛ニュース</title>"
                + "<link>https://jp.example.com/</link><description>d</description>"
                + "<item><title>防衛省のネットワークに侵入</title><link>https://jp.example.com/a</link></item></channel></rss>";

        ParsedFeed feed = FeedParser.parse(xml.getBytes(Charset.forName("Shift_JIS")), "application/rss+xml",
                URI.create("https://jp.example.com/feed"));

        assertThat(feed.title()).isEqualTo("防衛ニュース");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("防衛省のネットワークに侵入");
    }

    @Test
    void decodesWindows1252NamedOnlyByTheHttpCharset() throws Exception {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Café “Quotes”</title>"
                + "<link>https://fr.example.com/</link><description>d</description>"
                + "<item><title>Résumé – €5</title><link>https://fr.example.com/a</link></item></channel></rss>";

        ParsedFeed feed = FeedParser.parse(xml.getBytes(Charset.forName("windows-1252")),
                "text/xml; charset=windows-1252", URI.create("https://fr.example.com/feed"));

        assertThat(feed.title()).isEqualTo("Café “Quotes”");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Résumé – €5");
    }

    @Test
    void readsUtf16WithoutAByteOrderMarkAndUtf32() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"%s\"?><rss version=\"2.0\"><channel><title>Wide ✓</title>"
                + "<link>https://wide.example.com/</link><description>d</description></channel></rss>";
        URI url = URI.create("https://wide.example.com/feed");

        assertThat(FeedParser.parse(xml.formatted("utf-16").getBytes(StandardCharsets.UTF_16LE), null, url).title()).isEqualTo("Wide ✓");
        assertThat(FeedParser.parse(xml.formatted("utf-16").getBytes(StandardCharsets.UTF_16BE), null, url).title()).isEqualTo("Wide ✓");
        assertThat(FeedParser.parse(xml.formatted("utf-32").getBytes(Charset.forName("UTF-32BE")), null, url).title()).isEqualTo("Wide ✓");
        assertThat(FeedParser.parse(("\uFEFF" + xml.formatted("utf-32")).getBytes(Charset.forName("UTF-32LE")), null, url).title())
                .isEqualTo("Wide ✓");
    }
}
