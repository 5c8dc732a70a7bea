package io.spyglass.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

// https://github.com/spyglass-news/spyglass/issues/17: ROME built every item of a feed before the item cap applied
class ItemSelectionTest {
    private static final URI FEED = URI.create("https://flood.example/feed");
    private static final Instant BASE = Instant.parse("2024-07-01T00:00:00Z");

    /** An RSS feed of {@code n} items whose dates are in shuffled order, item i published i minutes after BASE. */
    private static String shuffledRss(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Flood &amp; co</title>");
        for (int i : order) {
            b.append("<item><title><![CDATA[Story <").append(i).append(">]]></title><link>/s").append(i).append("</link>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(BASE.plusSeconds(60L * i).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>&lt;p&gt;Text of ").append(i).append("&lt;/p&gt;</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    private static ParsedFeed parse(String xml, ItemWindow window) throws FeedParseException {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FEED, window);
    }

    @Test
    void buildsAtMostTwiceTheCapOfAFeedWith100000Items() throws Exception {
        ParsedFeed feed = parse(shuffledRss(100_000, 17), ItemWindow.of(500, 0));

        assertThat(feed.items()).as("the parser materialises the window, not the feed").hasSize(1000);
        assertThat(feed.notRead()).isEqualTo(99_000);
        assertThat(feed.listed()).isEqualTo(100_000);
        // an unsorted feed: the window holds the 1,000 newest by date, whatever their place in the document
        assertThat(feed.items()).extracting(FeedItem::title)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(99_000, 100_000).mapToObj(i -> "Story <" + i + ">").toList());
        assertThat(feed.title()).isEqualTo("Flood & co");
    }

    @Test
    void theBacklogSliceIsTheNextRanksNewestFirst() throws Exception {
        ParsedFeed feed = parse(shuffledRss(50, 3), ItemWindow.of(5, 20));

        assertThat(feed.items()).hasSize(10);
        assertThat(feed.notRead()).isEqualTo(40);
        assertThat(feed.items().stream().sorted(Comparator.comparing(FeedItem::published).reversed()).map(FeedItem::title).toList())
                .containsExactly("Story <49>", "Story <48>", "Story <47>", "Story <46>", "Story <45>",
                        "Story <29>", "Story <28>", "Story <27>", "Story <26>", "Story <25>");
    }

    @Test
    void itemsKeptAreReadExactlyAsFromTheWholeFeed() throws Exception {
        String xml = shuffledRss(300, 5);

        ParsedFeed whole = parse(xml, ItemWindow.ALL);
        ParsedFeed windowed = parse(xml, ItemWindow.of(50, 0));

        assertThat(whole.items()).hasSize(300);
        assertThat(windowed.items()).hasSize(100).isSubsetOf(whole.items());
        // in document order, as the whole feed lists them
        assertThat(windowed.items()).isEqualTo(whole.items().stream().filter(windowed.items()::contains).toList());
    }

    @Test
    void undatedItemsComeAfterDatedOnesInDocumentOrderAndAtomEntriesCountToo() throws Exception {
        StringBuilder atom = new StringBuilder("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>");
        for (int i = 0; i < 10; i++) {
            atom.append("<entry><title>U").append(i).append("</title><link href=\"https://a.example/u").append(i).append("\"/></entry>");
        }
        atom.append("<entry><title>Dated</title><link href=\"https://a.example/d\"/><updated>2024-07-01T00:00:00Z</updated></entry>");
        ParsedFeed feed = FeedParser.parse(atom.append("</feed>").toString().getBytes(StandardCharsets.UTF_8), null, FEED,
                ItemWindow.of(2, 0));

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("U0", "U1", "U2", "Dated");
        assertThat(feed.notRead()).isEqualTo(7);
    }

    @Test
    void aFeedWithinTheWindowIsNotTouched() throws Exception {
        String xml = shuffledRss(20, 1);

        assertThat(parse(xml, ItemWindow.of(20, 0))).isEqualTo(parse(xml, ItemWindow.ALL));
        assertThat(ItemSelection.select(xml, ItemWindow.of(20, 0)).xml()).isSameAs(xml);
    }

    @Test
    void stillRefusesADoctypeInAFeedLongerThanTheWindow() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss version=\"2.0\"><channel><title>&c;</title>"
                + "<item><title>x</title><link>https://a.example/x</link></item>".repeat(3000) + "</channel></rss>";

        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(bomb, ItemWindow.of(10, 0)));

        assertThat(e.getMessage()).contains("DOCTYPE is disallowed");
    }

    @Test
    void refusesABrokenFeedLongerThanTheWindowWithoutBuildingIt() {
        String broken = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>x</title><link>https://a.example/x</link></item>".repeat(3000) + "<item><title>cut";

        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(broken, ItemWindow.of(10, 0)));

        assertThat(e.getMessage()).startsWith("not a valid RSS/Atom feed: ");
    }

    @Test
    void boundsAJsonFeedsItemsTheSameWay() throws Exception {
        StringBuilder json = new StringBuilder("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"url\":\"https://j.example/").append(i)
                    .append("\",\"title\":\"J").append(i).append("\",\"date_published\":\"")
                    .append(BASE.plusSeconds(60L * ((i * 7) % 1000))).append("\"}");
        }
        ParsedFeed feed = FeedParser.parse(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), null, FEED,
                ItemWindow.of(10, 0));

        assertThat(feed.items()).hasSize(20);
        assertThat(feed.notRead()).isEqualTo(980);
        assertThat(feed.newestItem()).isEqualTo(BASE.plusSeconds(60L * 999));
    }
}
