package io.spyglass.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalServerTest {
    private final LocalServer server = LocalServer.start();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.url(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesRoutesStatusesAndHeadersAndCountsHits() throws Exception {
        server.serve("/a", "text/plain", "hello").serve("/teapot", 418, null, new byte[0], "X-Why", "tea")
                .redirect("/old", 301, "/a");

        HttpResponse<byte[]> a = get("/a");
        HttpResponse<byte[]> teapot = get("/teapot");
        HttpResponse<byte[]> old = get("/old");

        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(a.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.headers().firstValue("X-Why")).hasValue("tea");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/a");
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(server.hits("/a")).isEqualTo(1);
        assertThat(server.hits("/nothing")).isEqualTo(1);
        assertThat(server.hits("/never")).isZero();
    }

    @Test
    void answersUnroutedPathsFromTheFallback() throws Exception {
        server.serve("/fixed", "text/plain", "fixed")
                .serveAll(path -> path.startsWith("/gen/") ? LocalServer.Response.ok("text/plain", path.substring(5)) : null);

        assertThat(new String(get("/gen/42").body(), StandardCharsets.UTF_8)).isEqualTo("42");
        assertThat(new String(get("/fixed").body(), StandardCharsets.UTF_8)).isEqualTo("fixed");
        assertThat(get("/other").statusCode()).isEqualTo(404);
    }

    @Test
    void servesGzipAChunkedBodyAndALargeOne() throws Exception {
        server.serveGzip("/z", "text/plain", "unzipped".getBytes(StandardCharsets.UTF_8))
                .serveChunked("/chunked", "text/plain", 100_000).serveLarge("/large", 70_000);

        HttpResponse<byte[]> z = get("/z");
        HttpResponse<byte[]> chunked = get("/chunked");
        HttpResponse<byte[]> large = get("/large");

        assertThat(z.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(z.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("unzipped");
        }
        assertThat(chunked.headers().firstValue("Content-Length")).isEmpty();
        assertThat(chunked.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(chunked.body()).hasSize(100_000);
        assertThat(large.headers().firstValue("Content-Length")).hasValue("70000");
        assertThat(large.body()).hasSize(70_000);
    }

    @Test
    void delaysAResponseAndDripsAnother() throws Exception {
        server.serveDelayed("/slow", Duration.ofMillis(300), "text/plain", "late").serveDrip("/drip", Duration.ofMillis(20));

        long start = System.nanoTime();
        HttpResponse<byte[]> slow = get("/slow");
        long millis = (System.nanoTime() - start) / 1_000_000;
        HttpResponse<InputStream> drip = client.send(HttpRequest.newBuilder(server.url("/drip")).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(new String(slow.body(), StandardCharsets.UTF_8)).isEqualTo("late");
        assertThat(millis).isGreaterThanOrEqualTo(300);
        try (InputStream in = drip.body()) {
            assertThat(in.readNBytes(3)).containsExactly(' ', ' ', ' ');
        }
    }
}
