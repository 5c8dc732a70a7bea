package io.spyglass.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A real HTTP server on loopback serving the feeds and pages under {@code src/test/resources/farm}. */
final class FeedFarm implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<String>> edits = new ConcurrentHashMap<>();

    FeedFarm() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try (InputStream in = FeedFarm.class.getResourceAsStream("/farm" + path)) {
                if (in == null || path.contains("..")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = edits.getOrDefault(path, UnaryOperator.identity())
                        .apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType(path));
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private static String contentType(String path) {
        if (path.endsWith(".rss")) {
            return "application/rss+xml; charset=utf-8";
        }
        if (path.endsWith(".atom")) {
            return "application/atom+xml; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }

    /** The absolute URL of {@code path} on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code path} edited by {@code edit} from now on, as a publisher correcting a story would. */
    void edit(String path, UnaryOperator<String> edit) {
        edits.put(path, edit);
    }

    /** How many requests {@code path} has had. */
    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
