package io.spyglass.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.ingest.extract.ExtractedPage;
import io.spyglass.ingest.feed.FeedItem;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article for a feed item whose page gave no text: the feed's own HTML, rendered as the extractor renders pages. */
class ArticleAssemblerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final FeedRef FEED = new FeedRef("https://news.example/feed", "Example");

    private static Article fromFeed(String content) {
        FeedItem item = new FeedItem(URI.create("https://news.example/a1"), "Title", NOW, List.of(), content);
        return ArticleAssembler.assemble(item, FEED, null, ExtractionOutcome.SNIPPET_ONLY, NOW);
    }

    @Test
    void writesOneParagraphPerBlockOfTheFeedText() {
        Article a = fromFeed("<p>Hackers  broke into the\nministry.</p><ul><li>Mail was read.</li><li>Files were copied.</li></ul>"
                + "<script>track()</script>");

        assertThat(a.text()).isEqualTo("Hackers broke into the ministry.\n\nMail was read.\n\nFiles were copied.");
        assertThat(a.outcome()).isEqualTo(ExtractionOutcome.SNIPPET_ONLY);
    }

    @Test
    void splitsParagraphsLaidOutWithLineBreaksAndDropsLinkLists() {
        Article a = fromFeed("First paragraph of the story.<br><br>Second paragraph of it."
                + "<p><a href=\"https://news.example/more\">Read more</a></p>");

        assertThat(a.text()).isEqualTo("First paragraph of the story.\n\nSecond paragraph of it.");
    }

    @Test
    void keepsAShortOneLineDescription() {
        assertThat(fromFeed("Security update for the browser").text()).isEqualTo("Security update for the browser");
        assertThat(fromFeed("<p><a href=\"https://news.example/a1\">Read more</a></p>").text()).isEqualTo("Read more");
    }

    @Test
    void isEmptyWhenTheFeedGaveNoText() {
        Article a = fromFeed("  ");

        assertThat(a.text()).isEmpty();
        assertThat(a.outcome()).isEqualTo(ExtractionOutcome.EMPTY);
    }

    @Test
    void prefersThePageTextWhenExtractionSucceeded() {
        ExtractedPage page = new ExtractedPage("Page title", "The page's own text.", List.of("A. Writer"), null, null, "en",
                null, null, null, null, ExtractionOutcome.FULL);
        FeedItem item = new FeedItem(URI.create("https://news.example/a1"), "", NOW, List.of(), "<p>Feed text.</p>");

        Article a = ArticleAssembler.assemble(item, FEED, page, null, NOW);

        assertThat(a.text()).isEqualTo("The page's own text.");
        assertThat(a.title()).isEqualTo("Page title");
        assertThat(a.authors()).containsExactly("A. Writer");
        assertThat(a.outcome()).isEqualTo(ExtractionOutcome.FULL);
    }
}
