package io.spyglass.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.Spyglass;
import io.spyglass.model.Json;
import io.spyglass.testkit.LocalServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FeedsCommandTest {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
            + "<link>https://example.com/</link><description>d</description>"
            + "<item><title>a</title><link>https://example.com/a</link></item>"
            + "<item><title>b</title><link>https://example.com/b</link><pubDate>Mon, 02 Mar 2026 09:30:00 GMT</pubDate></item>"
            + "</channel></rss>";

    @TempDir
    Path dir;

    private LocalServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        server = LocalServer.start().serve("/feed", "application/rss+xml", RSS).serve("/page", "text/html",
                "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\">");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private int run(String... args) throws Exception {
        Path config = dir.resolve("spyglass.yaml");
        Files.writeString(config, "fetch:\n  allow: [127.0.0.1/32]\n  timeout: 5s\n");
        CommandLine cli = Spyglass.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void checkPrintsOneJsonObjectPerFeedAndExitsZeroWhenFeedsFail() throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - " + url("/feed") + "\n  - " + url("/missing") + "\n  - http://10.0.0.1/feed\n");

        int exit = run("feeds", "check", "--json", "--feeds", feeds.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("url").asText(), l -> l.get("status").asText(), l -> l.get("items").asInt(),
                l -> l.get("errorClass").asText(null), l -> l.get("message").asText(null)).containsExactly(
                tuple(url("/feed"), "ok", 2, null, null),
                tuple(url("/missing"), "error", 0, "HTTP_STATUS", "HTTP 404"),
                tuple("http://10.0.0.1/feed", "error", 0, "FORBIDDEN_ADDRESS", "host '10.0.0.1' resolves to a private address "
                        + "10.0.0.1 (refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)"));
        assertThat(lines).allSatisfy(l -> assertThat(l.get("millis").isIntegralNumber()).isTrue());
        assertThat(lines).extracting(l -> l.get("newestItem").asText(null)).containsExactly("2026-03-02T09:30:00Z", null, null);
    }

    @Test
    void checkPrintsAReadableLinePerFeed() throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - " + url("/missing") + "\n");

        int exit = run("feeds", "check", "--feeds", feeds.toString());

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).matches("error +0 items +\\d+ ms  " + url("/missing").replace(".", "\\.")
                + "  HTTP_STATUS: HTTP 404");
    }

    /** What {@code feeds check} prints for a list of the one feed at {@code path}. */
    private String checkLine(String path) throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - " + url(path) + "\n");
        run("feeds", "check", "--feeds", feeds.toString());
        return out.toString().strip();
    }

    /** {@code path}'s URL as a regex matching only itself. */
    private String literal(String path) {
        return Pattern.quote(url(path));
    }

    @Test
    void checkShowsTheNewestItemOfAFeedThatAnswers() throws Exception {
        assertThat(checkLine("/feed")).matches("ok +2 items +\\d+ ms  " + literal("/feed") + "  newest item 2026-03-02T09:30:00Z");
    }

    @Test
    void checkNamesTheFeedAPageAnnounced() throws Exception {
        assertThat(checkLine("/page")).matches("ok +2 items +\\d+ ms  " + literal("/page")
                + "  \\(the page's feed " + literal("/feed") + "\\)  newest item 2026-03-02T09:30:00Z");
    }

    @Test
    void checkExitsNonZeroForAnInvalidFeedList() throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - ftp://example.com/feed\n");

        int exit = run("feeds", "check", "--feeds", feeds.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("spyglass: " + feeds + ": feeds[0]: bad url 'ftp://example.com/feed': only http and https are supported");
    }

    @Test
    void importAppendsTheFeedsOfAnOpmlFile() throws Exception {
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - https://a.example.com/feed\n");
        Path opml = dir.resolve("subs.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><body><outline text=\"A\" xmlUrl=\"https://a.example.com/feed\"/>"
                + "<outline text=\"B\" xmlUrl=\"https://b.example.com/feed\"/></body></opml>");

        int exit = run("feeds", "import", opml.toString(), "--feeds", feeds.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("Added 1 of 2 feeds from " + opml + " to " + feeds + "\n  https://b.example.com/feed\n");
        assertThat(Files.readString(feeds)).isEqualTo(
                "feeds:\n  - https://a.example.com/feed\n  - url: \"https://b.example.com/feed\"\n    name: \"B\"\n");
    }
}
