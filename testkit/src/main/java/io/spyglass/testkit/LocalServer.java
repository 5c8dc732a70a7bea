package io.spyglass.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.spyglass.model.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on loopback and a free port, for tests and benchmarks: routes by exact path (else a fallback,
 * else 404), fixed responses with any status and headers, redirects, computed responses, delays, large bodies with a
 * length or chunked, a slow drip and gzip; counts the requests per path. The one HTTP fixture every module uses.
 */
public final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile HttpHandler fallback;

    /**
     * A response: status, Content-Type (null for none) and body.
     *
     * @param status      HTTP status code
     * @param contentType the Content-Type header, or null
     * @param body        the body; never null, empty for none
     */
    public record Response(int status, String contentType, byte[] body) {
        /** 200 with {@code body} as UTF-8. */
        public static Response ok(String contentType, String body) {
            return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private LocalServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server with no handlers on IPv4's loopback; unknown paths answer 404. */
    public static LocalServer start() {
        return start(InetAddress.getLoopbackAddress());
    }

    /** Starts a server with no handlers on {@code address}, e.g. IPv6's loopback {@code ::1}; unknown paths answer 404. */
    public static LocalServer start(InetAddress address) {
        return start(address, 0);
    }

    /** Starts a server with no handlers on {@code address} and {@code port} (0: a free one); unknown paths answer 404. */
    public static LocalServer start(InetAddress address, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
            ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("local-server"));
            server.setExecutor(executor);
            LocalServer local = new LocalServer(server, executor);
            server.createContext("/", local::dispatch);
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        HttpHandler handler = handlers.getOrDefault(path, fallback);
        try (exchange) {
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                handler.handle(exchange);
            }
        } catch (IOException e) {
            // the client went away (size cap, deadline): nothing more to send
        }
    }

    /** Serves {@code path} with {@code handler}. */
    public LocalServer handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Serves every path no {@link #handle} route serves with {@code handler}, instead of 404. */
    public LocalServer handleAll(HttpHandler handler) {
        fallback = handler;
        return this;
    }

    /** Answers every path no route serves from {@code responses}, by path; 404 where it gives null. */
    public LocalServer serveAll(Function<String, Response> responses) {
        return handleAll(exchange -> {
            Response r = responses.apply(exchange.getRequestURI().getPath());
            if (r == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                send(exchange, r.status(), r.contentType(), r.body());
            }
        });
    }

    /** Serves a fixed response at {@code path}; {@code headers} are name, value pairs. */
    public LocalServer serve(String path, int status, String contentType, byte[] body, String... headers) {
        return handle(path, exchange -> send(exchange, status, contentType, body, headers));
    }

    /** Sends a whole response on {@code exchange}; {@code headers} are name, value pairs. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Serves {@code body} gzip-compressed at {@code path}, with {@code Content-Encoding: gzip}. */
    public LocalServer serveGzip(String path, String contentType, byte[] body) {
        return serve(path, 200, contentType, gzip(body), "Content-Encoding", "gzip");
    }

    /** Answers {@code path} with UTF-8 {@code body} after {@code delay} (sooner if the server closes). */
    public LocalServer serveDelayed(String path, Duration delay, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return handle(path, exchange -> {
            try {
                if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(exchange, 200, contentType, bytes);
        });
    }

    /** Streams {@code total} bytes of 'x' at {@code path} chunked, with no Content-Length, until the client stops. */
    public LocalServer serveChunked(String path, String contentType, long total) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            writeX(exchange.getResponseBody(), total);
        });
    }

    /** {@code data} gzip-compressed. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Serves UTF-8 text at {@code path} with status 200. */
    public LocalServer serve(String path, String contentType, String body) {
        return serve(path, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code path} with a redirect to {@code location}. */
    public LocalServer redirect(String path, int status, String location) {
        return serve(path, status, null, new byte[0], "Location", location);
    }

    /** Streams {@code total} bytes of 'x' at {@code path}, in chunks, until the client stops reading. */
    public LocalServer serveLarge(String path, long total) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, total);
            writeX(exchange.getResponseBody(), total);
        });
    }

    private void writeX(OutputStream out, long total) throws IOException {
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (long sent = 0; sent < total && stopping.getCount() > 0; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, total - sent));
        }
    }

    /** Sends headers, then one byte every {@code every}, for as long as the client listens and the server runs. */
    public LocalServer serveDrip(String path, Duration every) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                while (!stopping.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The absolute URL of {@code path} on this server, its address written as a URL host ({@code [::1]} for IPv6). */
    public URI url(String path) {
        InetAddress address = server.getAddress().getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received for {@code path} so far. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
