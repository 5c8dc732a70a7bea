package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.testkit.LocalServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsCacheTest {
    private final LocalServer server = LocalServer.start();
    private final Fetcher fetcher = new Fetcher(FetchSettings.defaults().withUserAgent("Spyglass/0.1 (+https://example.com)")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withSizeLimits(1 << 20, 3)
            .withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 2, Duration.ZERO, true));
    private final RobotsCache robots = new RobotsCache(fetcher, "spyglass", Clock.fixed(Instant.parse("2024-07-01T12:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void takesTheRobotNameFromTheUserAgent() {
        assertThat(RobotsCache.robotName("Spyglass/0.1 (+https://example.com)")).isEqualTo("spyglass");
        assertThat(RobotsCache.robotName("NewsBot")).isEqualTo("newsbot");
    }

    @Test
    void obeysTheGroupForItsNameAndAsksOncePerSite() throws Exception {
        server.serve("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /

                User-agent: spyglass
                Disallow: /drafts/
                """);

        robots.check(server.url("/news/1"));
        robots.check(server.url("/news/2"));
        FetchException e = assertThrows(FetchException.class, () -> robots.check(server.url("/drafts/3")));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS);
        assertThat(e.getMessage()).isEqualTo("robots.txt of 127.0.0.1 disallows " + server.url("/drafts/3"));
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void allowsEverythingWhenThereIsNoRobotsTxt() throws Exception {
        robots.check(server.url("/anything"));

        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void allowsNothingWhileRobotsTxtAnswersAServerError() {
        server.serve("/robots.txt", 500, "text/plain", new byte[0]);

        FetchException e = assertThrows(FetchException.class, () -> robots.check(server.url("/news/1")));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS);
    }

    @Test
    void spacesTheHostsRequestsByItsCrawlDelayUpToThirtySeconds() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 4\nDisallow: /private/\n");

        robots.check(server.url("/news/1"));

        assertThat(fetcher.throttle().minDelay("127.0.0.1")).isEqualTo(Duration.ofSeconds(4));
        assertThat(fetcher.throttle().minDelay("other.example.com")).isEqualTo(Duration.ZERO);
    }

    @Test
    void capsALongCrawlDelay() throws Exception {
        server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 120\n");

        robots.check(server.url("/news/1"));

        assertThat(fetcher.throttle().minDelay("127.0.0.1")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void treatsACrawlDelayOverFiveMinutesAsADisallow() {
        // crawler-commons' rule: a site that wants one visit an hour does not want to be crawled
        server.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n");

        FetchException e = assertThrows(FetchException.class, () -> robots.check(server.url("/news/1")));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS);
    }

    // https://github.com/spyglass-news/spyglass/issues/18 (item 6): URI.getHost() keeps an IPv6 literal's brackets,
    // and the robots.txt URL got a second pair, so every item linking to an IPv6 literal was dropped
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://[::1]:8080/news/1?x=1|http://[::1]:8080/robots.txt",
            "https://[2001:DB8::1]/a/b|https://[2001:db8::1]/robots.txt",
            "http://Example.COM/a|http://example.com/robots.txt",
            "https://user@example.com:8443/a#f|https://example.com:8443/robots.txt",
    })
    void buildsTheRobotsUrlOfASiteFromItsParts(String page, String expected) {
        assertThat(RobotsCache.robotsUrl(URI.create(page))).isEqualTo(URI.create(expected));
    }

    @Test
    void asksTheRobotsTxtOfASiteAtAnIpv6Literal() throws Exception {
        try (LocalServer v6 = LocalServer.start(InetAddress.getByName("::1"))) {
            v6.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /drafts/\n");
            Fetcher local = new Fetcher(FetchSettings.defaults().withUserAgent("Spyglass/0.1 (+https://example.com)")
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withSizeLimits(1 << 20, 3)
                    .withManners(AddressPolicy.allowing(List.of(Cidr.parse("::1"))), 2, Duration.ZERO, true));
            RobotsCache cache = new RobotsCache(local, "spyglass", Clock.fixed(Instant.parse("2024-07-01T12:00:00Z"), ZoneOffset.UTC));

            cache.check(v6.url("/news/1"));
            FetchException e = assertThrows(FetchException.class, () -> cache.check(v6.url("/drafts/2")));

            assertThat(v6.url("/news/1").toString()).startsWith("http://[0:0:0:0:0:0:0:1]:");
            assertThat(e.kind()).isEqualTo(FetchException.Kind.ROBOTS);
            assertThat(v6.hits("/robots.txt")).isEqualTo(1);
        }
    }
}
