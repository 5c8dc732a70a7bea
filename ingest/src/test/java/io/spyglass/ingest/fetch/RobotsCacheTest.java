package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.ingest.LocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
    private final LocalServer server = LocalServer.start();
    private final Fetcher fetcher = new Fetcher(new FetchSettings("Spyglass/0.1 (+https://example.com)", Duration.ofSeconds(2),
            Duration.ofSeconds(2), 1 << 20, 3, AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 2, Duration.ZERO, true));
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
}
