package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.testkit.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetcherTest {
    private static final String ACCEPT = "*/*";
    private static final long CAP = 1024 * 1024;

    private final LocalServer server = LocalServer.start();
    private final Fetcher fetcher = new Fetcher(settings(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1")))));

    private static FetchSettings settings(AddressPolicy policy) {
        return FetchSettings.defaults().withUserAgent("SpyglassTest/1 (+https://example.com/contact)")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)).withSizeLimits(CAP, 3)
                .withManners(policy, 2, Duration.ZERO, true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void returnsBodyTypeAndStatus() throws Exception {
        server.serve("/feed", "application/rss+xml; charset=utf-8", "<rss/>");

        FetchedResource r = fetcher.get(server.url("/feed"), ACCEPT);

        assertThat(r.url()).isEqualTo(server.url("/feed"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
    }

    @Test
    void sendsTheConfiguredUserAgent() throws Exception {
        StringBuilder seen = new StringBuilder();
        server.handle("/ua", exchange -> {
            seen.append(exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.sendResponseHeaders(204, -1);
        });

        fetcher.get(server.url("/ua"), ACCEPT);

        assertThat(seen).hasToString("SpyglassTest/1 (+https://example.com/contact)");
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() throws Exception {
        server.redirect("/old", 301, "/middle").redirect("/middle", 302, server.url("/new").toString())
                .serve("/new", "text/html", "<p>moved</p>");

        FetchedResource r = fetcher.get(server.url("/old"), ACCEPT);

        assertThat(r.url()).isEqualTo(server.url("/new"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>moved</p>");
    }

    @Test
    void stopsARedirectLoop() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/a"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_MANY_REDIRECTS);
        assertThat(e.getMessage()).isEqualTo("more than 3 redirects from " + server.url("/a"));
        assertThat(server.hits("/a") + server.hits("/b")).isEqualTo(4);
    }

    @Test
    void refusesARedirectWithoutLocation() {
        server.serve("/r", 302, null, new byte[0]);

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/r"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
        assertThat(e.getMessage()).isEqualTo("HTTP 302 without Location from " + server.url("/r"));
    }

    @Test
    void refusesARedirectToAnAddressOutsideTheAllowList() {
        server.redirect("/r", 302, "http://127.0.0.2:" + server.port() + "/internal");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/r"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.FORBIDDEN_ADDRESS);
        assertThat(e.getMessage()).isEqualTo("host '127.0.0.2' resolves to a loopback address 127.0.0.2 "
                + "(refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)");
    }

    @Test
    void refusesLoopbackUnderTheDefaultPolicyBeforeConnecting() {
        server.serve("/feed", "text/xml", "<rss/>");
        Fetcher strict = new Fetcher(settings(AddressPolicy.publicOnly()));

        FetchException e = assertThrows(FetchException.class, () -> strict.get(server.url("/feed"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.FORBIDDEN_ADDRESS);
        assertThat(server.hits("/feed")).isZero();
    }

    /** A fetcher whose every request goes to {@link #server} acting as the HTTP proxy, with the default policy. */
    private Fetcher proxied() {
        return proxied(AddressPolicy.publicOnly());
    }

    /** A fetcher whose every request goes to {@link #server} acting as the HTTP proxy. */
    private Fetcher proxied(AddressPolicy policy) {
        return new Fetcher(settings(policy).withProxy(InetSocketAddress.createUnresolved("127.0.0.1", server.port())));
    }

    /** Serves {@code /feed} whatever the host, recording each request the proxy got as its URI and Host header. */
    private List<String> recordProxiedRequests() {
        List<String> requested = new CopyOnWriteArrayList<>();
        server.handle("/feed", exchange -> {
            requested.add(exchange.getRequestURI() + " Host: " + exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return requested;
    }

    @Test
    void goesThroughTheProxyToAHostThisMachineCannotResolveWhenPrivateAddressesAreAllowed() throws Exception {
        List<String> requested = recordProxiedRequests();

        FetchedResource feed = proxied(new AddressPolicy(true)).get(URI.create("http://feeds.example.invalid/feed"), ACCEPT);
        FetchException direct = assertThrows(FetchException.class,
                () -> new Fetcher(settings(AddressPolicy.publicOnly())).get(URI.create("http://feeds.example.invalid/feed"), ACCEPT));

        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(requested).containsExactly("http://feeds.example.invalid/feed Host: feeds.example.invalid");
        assertThat(direct.kind()).isEqualTo(FetchException.Kind.DNS);
    }

    // https://github.com/spyglass-news/spyglass/issues/18 (item 4): the proxy resolves a name this machine cannot, so
    // it could reach any address
    @Test
    void refusesAHostThisMachineCannotResolveBehindTheProxyByDefault() {
        List<String> requested = recordProxiedRequests();

        FetchException e = assertThrows(FetchException.class, () -> proxied().get(URI.create("http://feeds.example.invalid/feed"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.DNS);
        assertThat(e.getMessage()).isEqualTo("host 'feeds.example.invalid' does not resolve here, so its address cannot be "
                + "checked before fetch.proxy resolves it (refused; set fetch.allow-private-addresses to let the proxy resolve it)");
        assertThat(requested).isEmpty();
    }

    // https://github.com/spyglass-news/spyglass/issues/18 (item 4): hex, octal, and short forms of 127.0.0.1 that a
    // proxy's resolver reads as loopback while Java reads some as public or not at all
    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "017700000001", "0177.0.0.1", "2130706433", "0x7f.0.0.1", "127.1", "127.0.1",
            "0x7f.1", "0177.1", "0000177.0.0.1", "127.0.0.01", "127.0.0.1.", "0x7F000001", "1.2.3.4.5", "0x"})
    void refusesNumericHostsInAnyFormButTheCanonicalOneBehindTheProxy(String host) {
        List<String> requested = recordProxiedRequests();

        FetchException e = assertThrows(FetchException.class, () -> proxied().get(URI.create("http://" + host + "/feed"), ACCEPT));

        // java.net.URI itself finds no host in some forms (127.1): refused as well, with that reason
        assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL);
        assertThat(e.getMessage()).contains(host);
        assertThat(requested).isEmpty();
    }

    @Test
    void stillRefusesPrivateAddressesBehindTheProxy() {
        server.serve("/admin", "text/plain", "secret");

        FetchException literal = assertThrows(FetchException.class, () -> proxied().get(URI.create("http://10.1.2.3/admin"), ACCEPT));
        FetchException named = assertThrows(FetchException.class, () -> proxied().get(URI.create("http://localhost/admin"), ACCEPT));

        assertThat(literal.kind()).isEqualTo(FetchException.Kind.FORBIDDEN_ADDRESS);
        assertThat(named.kind()).isEqualTo(FetchException.Kind.FORBIDDEN_ADDRESS);
        assertThat(server.hits("/admin")).isZero();
    }

    @Test
    void sendsAFeedsOwnHeadersToItsOriginOnlyNotAcrossARedirect() throws Exception {
        List<String> keys = new CopyOnWriteArrayList<>();
        try (LocalServer elsewhere = LocalServer.start()) {
            for (LocalServer s : List.of(server, elsewhere)) {
                s.handle("/feed", exchange -> {
                    keys.add(exchange.getLocalAddress().getPort() + "=" + exchange.getRequestHeaders().getFirst("X-Api-Key"));
                    byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
            }
            server.redirect("/moved", 301, "/feed");
            server.redirect("/away", 302, elsewhere.url("/feed").toString());

            fetcher.get(server.url("/moved"), ACCEPT, Map.of("X-Api-Key", "k-1"));
            fetcher.get(server.url("/away"), ACCEPT, Map.of("X-Api-Key", "k-1"));

            assertThat(keys).containsExactly(server.port() + "=k-1", elsewhere.port() + "=null");
        }
        assertThat(Fetcher.sameOrigin(URI.create("HTTPS://Feeds.example/a"), URI.create("https://feeds.example:443/b"))).isTrue();
        assertThat(Fetcher.sameOrigin(URI.create("http://feeds.example/a"), URI.create("https://feeds.example/a"))).isFalse();
        assertThat(Fetcher.sameOrigin(URI.create("https://feeds.example/a"), URI.create("https://cdn.feeds.example/a"))).isFalse();
    }

    @Test
    void refusesARedirectToANonHttpScheme() {
        server.redirect("/r", 302, "file:///etc/passwd");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/r"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL);
        assertThat(e.getMessage()).isEqualTo("not an http(s) URL: file:///etc/passwd");
    }

    @Test
    void returnsErrorStatusesInsteadOfThrowing() throws Exception {
        server.serve("/forbidden", 403, "text/html", "no bots".getBytes(StandardCharsets.UTF_8))
                .serve("/missing", 404, "text/html", new byte[0]);

        assertThat(fetcher.get(server.url("/forbidden"), ACCEPT).status()).isEqualTo(403);
        assertThat(fetcher.get(server.url("/missing"), ACCEPT).status()).isEqualTo(404);
    }

    @Test
    void refusesABodyOverTheCap() {
        server.serveLarge("/huge", 100L * 1024 * 1024);

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/huge"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo(server.url("/huge") + " is larger than 1048576 bytes");
    }

    @Test
    void acceptsABodyExactlyAtTheCap() throws Exception {
        server.serveLarge("/exact", CAP);

        assertThat(fetcher.get(server.url("/exact"), ACCEPT).body()).hasSize((int) CAP);
    }

    @Test
    void decodesGzip() throws Exception {
        server.serve("/gz", 200, "text/xml", gzip("<rss>zipped</rss>".getBytes(StandardCharsets.UTF_8)), "Content-Encoding", "gzip");

        assertThat(new String(fetcher.get(server.url("/gz"), ACCEPT).body(), StandardCharsets.UTF_8)).isEqualTo("<rss>zipped</rss>");
    }

    @Test
    void decodesAGzipFileServedWithoutContentEncoding() throws Exception {
        server.serve("/feed.xml.gz", 200, "application/gzip", gzip("<rss>file</rss>".getBytes(StandardCharsets.UTF_8)));
        server.serve("/twice", 200, "text/xml", gzip(gzip("<rss>twice</rss>".getBytes(StandardCharsets.UTF_8))),
                "Content-Encoding", "gzip");

        assertThat(new String(fetcher.get(server.url("/feed.xml.gz"), ACCEPT).body(), StandardCharsets.UTF_8))
                .isEqualTo("<rss>file</rss>");
        assertThat(new String(fetcher.get(server.url("/twice"), ACCEPT).body(), StandardCharsets.UTF_8))
                .isEqualTo("<rss>twice</rss>");
    }

    @Test
    void refusesAGzipBombServedWithoutContentEncodingAtTheCap() throws Exception {
        server.serve("/bomb.gz", 200, "application/gzip", gzip(new byte[64 * 1024 * 1024]));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/bomb.gz"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
    }

    @Test
    void decodesDeflate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write("<rss>deflated</rss>".getBytes(StandardCharsets.UTF_8));
        }
        server.serve("/df", 200, "text/xml", out.toByteArray(), "Content-Encoding", "deflate");

        assertThat(new String(fetcher.get(server.url("/df"), ACCEPT).body(), StandardCharsets.UTF_8)).isEqualTo("<rss>deflated</rss>");
    }

    @Test
    void refusesAGzipBombAtTheCap() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan((int) CAP);
        server.serve("/bomb", 200, "text/xml", bomb, "Content-Encoding", "gzip");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/bomb"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo(server.url("/bomb") + " decompresses to more than 1048576 bytes");
    }

    @Test
    void reportsACorruptGzipBody() {
        server.serve("/bad", 200, "text/xml", "not gzip at all".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/bad"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.IO);
        assertThat(e.getMessage()).isEqualTo("corrupt gzip body from " + server.url("/bad") + ": Not in GZIP format");
    }

    @Test
    void stopsASlowDripBodyAtTheTotalDeadline() {
        server.serveDrip("/drip", Duration.ofMillis(50));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(server.url("/drip"), ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("no complete response from " + server.url("/drip") + " within 1 s");
    }

    // https://github.com/spyglass-news/spyglass/issues/17: each byte arrives within the socket timeout, so only the
    // deadline for the whole exchange stops a server that drips its status line and headers
    @Test
    void stopsAServerDrippingItsHeadersAtTheTotalDeadline() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> {
                try (Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                    for (byte b : "HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                    }
                    for (int i = 0; i < 600; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the fetcher hung up, as it should
                }
            }, "header-dripper");
            dripper.setDaemon(true);
            dripper.start();
            URI url = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/feed");

            FetchException e = assertThrows(FetchException.class, () -> fetcher.get(url, ACCEPT));

            assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("no complete response from " + url + " within 1 s");
        }
    }

    /** A fetcher whose deadline (60 s) no test here waits for: a fetch that ends ended for another reason. */
    private static Fetcher patientFetcher() {
        return new Fetcher(FetchSettings.defaults().withUserAgent("SpyglassTest/1 (+https://example.com/contact)").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(60))
                .withSizeLimits(1 << 20, 3).withManners(AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1"))), 4, Duration.ZERO, true));
    }

    /** Runs {@code fetcher.get(url)} on a thread of its own, its outcome (the exception, or null) in {@code outcome}. */
    private static Thread fetchOnThread(Fetcher fetcher, URI url, java.util.concurrent.atomic.AtomicReference<FetchException> outcome) {
        Thread t = new Thread(() -> {
            try {
                fetcher.get(url, ACCEPT);
            } catch (FetchException e) {
                outcome.set(e);
            }
        }, "fetching-" + url.getPath());
        t.setDaemon(true);
        t.start();
        return t;
    }

    // https://github.com/spyglass-news/spyglass/issues/17: HttpClient 5's socket reads ignore Thread.interrupt(), so a
    // stopping ingest waited up to fetch.timeout for every worker reading a slow server
    @Test
    void anInterruptCancelsAFetchOfASlowDripBody() throws Exception {
        server.serveDrip("/drip", Duration.ofMillis(50));
        var outcome = new java.util.concurrent.atomic.AtomicReference<FetchException>();
        Fetcher patient = patientFetcher();

        Thread fetching = fetchOnThread(patient, server.url("/drip"), outcome);
        org.awaitility.Awaitility.await().until(() -> server.hits("/drip") == 1);
        fetching.interrupt();
        fetching.join();

        assertThat(outcome.get()).isNotNull();
        assertThat(outcome.get().kind()).isEqualTo(FetchException.Kind.CANCELLED);
        assertThat(outcome.get().getMessage())
                .isEqualTo("fetching " + server.url("/drip") + " was cancelled: its thread was interrupted");
        patient.close();
    }

    @Test
    void closingTheFetcherCancelsAFetchInFlightAndRefusesLaterOnes() throws Exception {
        server.serveDrip("/drip", Duration.ofMillis(50));
        var outcome = new java.util.concurrent.atomic.AtomicReference<FetchException>();
        Fetcher patient = patientFetcher();

        Thread fetching = fetchOnThread(patient, server.url("/drip"), outcome);
        org.awaitility.Awaitility.await().until(() -> server.hits("/drip") == 1);
        patient.close();
        fetching.join();
        FetchException later = assertThrows(FetchException.class, () -> patient.get(server.url("/drip"), ACCEPT));

        assertThat(outcome.get().kind()).isEqualTo(FetchException.Kind.CANCELLED);
        assertThat(outcome.get().getMessage()).isEqualTo("fetching " + server.url("/drip") + " was cancelled: the fetcher was closed");
        assertThat(later.kind()).isEqualTo(FetchException.Kind.CANCELLED);
        assertThat(server.hits("/drip")).as("a closed fetcher sends nothing").isEqualTo(1);
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/feed");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(url, ACCEPT));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.CONNECT);
        assertThat(e.getMessage()).isEqualTo("cannot connect to " + url + ": connection refused");
    }
}
