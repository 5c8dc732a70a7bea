package io.spyglass.app.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of one process, on the JDK's HttpServer: {@code GET /health/live}, {@code /health/ready} (200 or
 * 503, with a JSON body naming each stage's state) and {@code /metrics} (Prometheus text), and HEAD of each;
 * anything else is 404.
 * Requests run on two threads of its own, so a slow client never takes time from a stage.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final String JSON = "application/json";
    private static final int THREADS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ProcessHealth health;

    private HealthServer(HttpServer server, ExecutorService executor, ProcessHealth health) {
        this.server = server;
        this.executor = executor;
        this.health = health;
    }

    /**
     * Listens on {@code address} (port 0 picks a free one) and answers from {@code health}.
     *
     * @throws IOException if the address cannot be bound, e.g. the port is taken
     */
    public static HealthServer start(InetSocketAddress address, ProcessHealth health) throws IOException {
        Objects.requireNonNull(health, "health");
        HttpServer server = HttpServer.create(Objects.requireNonNull(address, "address"), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "spyglass-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HealthServer endpoint = new HealthServer(server, executor, health);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /** The address listened on, with the port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            // HEAD too: load balancers and some probes check with it
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            switch (path) {
                case "/health/live" -> {
                    Map<String, StageStatus> now = health.statuses();
                    boolean live = ProcessHealth.live(now);
                    respond(exchange, live ? 200 : 503, JSON, ProcessHealth.json("live", live, now));
                }
                case "/health/ready" -> {
                    Map<String, StageStatus> now = health.statuses();
                    boolean ready = ProcessHealth.ready(now);
                    respond(exchange, ready ? 200 : 503, JSON, ProcessHealth.json("ready", ready, now));
                }
                case "/metrics" -> respond(exchange, 200, PrometheusText.CONTENT_TYPE, PrometheusText.render(health.metrics()));
                default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
        } catch (RuntimeException e) {
            LOG.warn("Health endpoint could not answer {}: {}", exchange.getRequestURI(), e.toString());
            respond(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening at once, without waiting for requests in progress: they only read counters. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Health endpoint threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
