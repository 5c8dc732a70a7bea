package io.spyglass.app;

import io.spyglass.testkit.LocalServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** A {@link LocalServer} serving the feeds and pages under {@code src/test/resources/farm}. */
final class FeedFarm implements AutoCloseable {
    private final LocalServer server = LocalServer.start();
    private final Map<String, UnaryOperator<String>> edits = new ConcurrentHashMap<>();

    FeedFarm() {
        server.handleAll(exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (InputStream in = FeedFarm.class.getResourceAsStream("/farm" + path)) {
                if (in == null || path.contains("..")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = edits.getOrDefault(path, UnaryOperator.identity())
                        .apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType(path));
                LocalServer.send(exchange, 200, null, body);
            }
        });
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
        return server.url(path).toString();
    }

    /** Serves {@code path} edited by {@code edit} from now on, as a publisher correcting a story would. */
    void edit(String path, UnaryOperator<String> edit) {
        edits.put(path, edit);
    }

    /** How many requests {@code path} has had. */
    int hits(String path) {
        return server.hits(path);
    }

    @Override
    public void close() {
        server.close();
    }
}
