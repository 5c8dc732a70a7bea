package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.testkit.LocalServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

// https://github.com/spyglass-news/spyglass/issues/17: a name that answers an allowed address to the check and a
// forbidden one when the client connects (DNS rebinding) must not reach the forbidden one
class DnsRebindingTest {
    private static final String ACCEPT = "*/*";

    /** Answers {@code first} to the first lookup and {@code later} to every other, recording each lookup. */
    private static final class RebindingResolver implements HostResolver {
        private final InetAddress first;
        private final InetAddress later;
        private final List<String> lookups = new CopyOnWriteArrayList<>();

        RebindingResolver(String first, String later) throws UnknownHostException {
            this.first = InetAddress.getByName(first);
            this.later = InetAddress.getByName(later);
        }

        @Override
        public InetAddress[] resolve(String host) {
            lookups.add(host);
            return new InetAddress[] {lookups.size() == 1 ? first : later};
        }
    }

    private static Fetcher fetcher(AddressPolicy policy, HostResolver resolver) {
        FetchSettings settings = FetchSettings.defaults().withUserAgent("SpyglassTest/1 (+https://example.com/contact)")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)).withSizeLimits(1 << 20, 3)
                .withManners(policy, 2, Duration.ZERO, true);
        return new Fetcher(settings, HostThrottle.unlimited(), Clock.systemUTC(), resolver);
    }

    @Test
    void connectsToTheAddressItCheckedNotToTheOneASecondLookupGives() throws Exception {
        // 127.0.0.1 stands for the public address (allowed by fetch.allow), 127.0.0.2 for the internal one, same port
        try (LocalServer checked = LocalServer.start(InetAddress.getByName("127.0.0.1"));
             LocalServer internal = LocalServer.start(InetAddress.getByName("127.0.0.2"), checked.port())) {
            checked.serve("/feed", "application/rss+xml", "<rss>checked</rss>");
            internal.serve("/feed", "application/rss+xml", "<rss>internal</rss>");
            RebindingResolver resolver = new RebindingResolver("127.0.0.1", "127.0.0.2");
            Fetcher fetcher = fetcher(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1/32"))), resolver);

            FetchedResource feed = fetcher.get(URI.create("http://rebind.test:" + checked.port() + "/feed"), ACCEPT);

            assertThat(new String(feed.body(), StandardCharsets.UTF_8)).isEqualTo("<rss>checked</rss>");
            assertThat(internal.hits("/feed")).as("requests that reached the rebound address").isZero();
            assertThat(resolver.lookups).as("lookups of the name for one fetch").containsExactly("rebind.test");
        }
    }

    @Test
    void neverReachesLoopbackWhenTheNameRebindsFromAPublicAddress() throws Exception {
        try (LocalServer internal = LocalServer.start(InetAddress.getByName("127.0.0.1"))) {
            internal.serve("/feed", "application/rss+xml", "<rss>internal</rss>");
            // 203.0.113.0/24 (TEST-NET-3) counts as public and routes nowhere, so the connection to it fails
            RebindingResolver resolver = new RebindingResolver("203.0.113.10", "127.0.0.1");
            Fetcher fetcher = fetcher(AddressPolicy.publicOnly(), resolver);

            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.get(URI.create("http://rebind.test:" + internal.port() + "/feed"), ACCEPT));

            assertThat(e.kind()).as("%s", e.getMessage())
                    .isIn(FetchException.Kind.CONNECT, FetchException.Kind.TIMEOUT, FetchException.Kind.IO);
            assertThat(internal.hits("/feed")).as("requests that reached loopback").isZero();
            assertThat(resolver.lookups).as("lookups of the name for one fetch").containsExactly("rebind.test");
        }
    }

    @Test
    void refusesWhenTheOnlyLookupAnswersLoopback() throws Exception {
        try (LocalServer internal = LocalServer.start(InetAddress.getByName("127.0.0.1"))) {
            internal.serve("/feed", "application/rss+xml", "<rss>internal</rss>");
            RebindingResolver resolver = new RebindingResolver("127.0.0.1", "203.0.113.10");
            Fetcher fetcher = fetcher(AddressPolicy.publicOnly(), resolver);

            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.get(URI.create("http://rebind.test:" + internal.port() + "/feed"), ACCEPT));

            assertThat(e.kind()).isEqualTo(FetchException.Kind.FORBIDDEN_ADDRESS);
            assertThat(e.getMessage()).isEqualTo("host 'rebind.test' resolves to a loopback address 127.0.0.1 (refused; "
                    + "list it in fetch.allow or set fetch.allow-private-addresses to allow)");
            assertThat(internal.hits("/feed")).isZero();
        }
    }
}
