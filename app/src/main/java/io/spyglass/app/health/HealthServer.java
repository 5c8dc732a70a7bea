package io.spyglass.app.health;

import io.spyglass.model.DaemonThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint of one process: {@code GET /health/live}, {@code /health/ready} (200 or 503, with a JSON body
 * naming each stage's state) and {@code /metrics} (Prometheus text), and HEAD of each; anything else is 404.
 * One selector thread reads requests without blocking, so idle connections cost no thread; a request whose head has not
 * arrived within {@link #READ_TIMEOUT} is closed; whole requests are answered by a small bounded pool of its own, so a
 * slow client never takes time from a stage, and slow clients never hold up a probe.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    static final int THREADS = 8;
    /** Time a client has to send a request's line and headers, from connecting. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Largest request head read; a probe's is a few hundred bytes. */
    private static final int MAX_HEAD_BYTES = 8192;
    /** Connections held open at once; past it, new ones are closed at once. */
    private static final int MAX_CONNECTIONS = 1024;

    private final ServerSocketChannel channel;
    private final Selector selector;
    private final ThreadPoolExecutor workers;
    private final ProcessHealth health;
    private final Thread acceptor;
    private volatile boolean running = true;

    private HealthServer(ServerSocketChannel channel, Selector selector, ThreadPoolExecutor workers, ProcessHealth health) {
        this.channel = channel;
        this.selector = selector;
        this.workers = workers;
        this.health = health;
        this.acceptor = new Thread(this::select, "spyglass-http-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address} (port 0 picks a free one) and answers from {@code health}.
     *
     * @throws IOException if the address cannot be bound, e.g. the port is taken
     */
    public static HealthServer start(InetSocketAddress address, ProcessHealth health) throws IOException {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(address, "address");
        ServerSocketChannel channel = ServerSocketChannel.open();
        Selector selector = Selector.open();
        try {
            channel.bind(address, 128);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            channel.close();
            selector.close();
            throw e;
        }
        // a bounded queue: under a flood the requests past it are closed, not queued without end
        ThreadPoolExecutor workers = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(256), DaemonThreads.numbered("spyglass-http-"));
        HealthServer server = new HealthServer(channel, selector, workers, health);
        server.acceptor.start();
        return server;
    }

    /** The address listened on, with the port actually bound. */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("a bound channel has an address", e);
        }
    }

    /** A connection whose request head is being read. */
    private static final class Pending {
        final ByteBuffer head = ByteBuffer.allocate(MAX_HEAD_BYTES);
        final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
    }

    private void select() {
        while (running) {
            try {
                selector.select(250);
                List<Map.Entry<SocketChannel, String>> complete = new ArrayList<>();
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        read(key, complete);
                    }
                }
                if (!complete.isEmpty()) {
                    handOff(complete);
                }
                long now = System.nanoTime();
                for (SelectionKey key : selector.keys()) {
                    if (key.attachment() instanceof Pending p && now - p.deadline > 0) {
                        close(key);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.warn("Health endpoint: {}", e.toString());
                }
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel client;
        while ((client = channel.accept()) != null) {
            if (selector.keys().size() > MAX_CONNECTIONS) {
                client.close();
                continue;
            }
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.register(selector, SelectionKey.OP_READ, new Pending());
        }
    }

    /** Reads what {@code key}'s client sent; a complete request head is cancelled from the selector and added to {@code complete}. */
    private void read(SelectionKey key, List<Map.Entry<SocketChannel, String>> complete) {
        Pending p = (Pending) key.attachment();
        SocketChannel client = (SocketChannel) key.channel();
        int n;
        try {
            n = client.read(p.head);
        } catch (IOException e) {
            close(key);
            return;
        }
        if (n < 0) {
            close(key);
            return;
        }
        String head = new String(p.head.array(), 0, p.head.position(), StandardCharsets.ISO_8859_1);
        if (!head.contains("\r\n\r\n") && !head.contains("\n\n")) {
            if (!p.head.hasRemaining()) {
                close(key);
            }
            return;
        }
        key.cancel();
        complete.add(Map.entry(client, head));
    }

    /** Hands whole requests to the workers; their channels leave the selector first, so that they can be written blocking. */
    private void handOff(List<Map.Entry<SocketChannel, String>> complete) throws IOException {
        selector.selectNow();
        for (Map.Entry<SocketChannel, String> request : complete) {
            SocketChannel client = request.getKey();
            try {
                client.configureBlocking(true);
                workers.execute(() -> answer(client, request.getValue()));
            } catch (IOException | RejectedExecutionException e) {
                client.close();
            }
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // gone already
        }
    }

    private void answer(SocketChannel client, String head) {
        try (client) {
            String[] line = head.substring(0, head.indexOf('\n')).strip().split(" ");
            String method = line.length == 3 ? line[0] : "";
            Response r = line.length == 3 ? respond(method, line[1]) : new Response(400, "Bad Request", TEXT, "bad request\n");
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            String headers = "HTTP/1.1 " + r.status() + " " + r.reason() + "\r\nContent-Type: " + r.contentType()
                    + "\r\nCache-Control: no-store\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            client.write(ByteBuffer.wrap(headers.getBytes(StandardCharsets.ISO_8859_1)));
            // HEAD too: load balancers and some probes check with it
            if (!method.equals("HEAD")) {
                ByteBuffer out = ByteBuffer.wrap(body);
                while (out.hasRemaining()) {
                    client.write(out);
                }
            }
        } catch (IOException e) {
            LOG.debug("Health endpoint client went away: {}", e.toString());
        }
    }

    /** A response before it is written. */
    private record Response(int status, String reason, String contentType, String body) {
    }

    private Response respond(String method, String target) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new Response(404, "Not Found", TEXT, "not found\n");
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        try {
            return switch (path) {
                case "/health/live" -> {
                    Map<String, StageStatus> now = health.statuses();
                    boolean live = ProcessHealth.live(now);
                    yield verdict(live, ProcessHealth.json("live", live, now));
                }
                case "/health/ready" -> {
                    Map<String, StageStatus> now = health.statuses();
                    boolean ready = ProcessHealth.ready(now);
                    yield verdict(ready, ProcessHealth.json("ready", ready, now));
                }
                case "/metrics" -> new Response(200, "OK", PrometheusText.CONTENT_TYPE, PrometheusText.render(health.metrics()));
                default -> new Response(404, "Not Found", TEXT, "not found\n");
            };
        } catch (RuntimeException e) {
            LOG.warn("Health endpoint could not answer {}: {}", path, e.toString());
            return new Response(500, "Internal Server Error", TEXT, "internal error\n");
        }
    }

    private static Response verdict(boolean ok, String json) {
        return ok ? new Response(200, "OK", JSON, json) : new Response(503, "Service Unavailable", JSON, json);
    }

    /** Stops listening at once, without waiting for requests in progress: they only read counters. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the health endpoint: {}", e.toString());
        }
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Health endpoint threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
