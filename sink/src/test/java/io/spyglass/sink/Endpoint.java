package io.spyglass.sink;

import io.spyglass.testkit.LocalServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A webhook endpoint on loopback that answers from a script: a status code per request, or {@link #HANG} for a request
 * it never answers (until closed); 200 once the script is used up. Records what it accepted.
 */
public final class Endpoint implements AutoCloseable {
    public static final int HANG = -1;
    private final LocalServer server = LocalServer.start();
    private final Queue<Integer> script;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public Endpoint(Integer... script) {
        this.script = new ConcurrentLinkedQueue<>(List.of(script));
        server.handleAll(exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(key);
            Integer status = this.script.poll();
            if (status != null && status == HANG) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            int code = status == null ? 200 : status;
            if (code / 100 == 2) {
                accepted.add(key);
                bodies.add(body);
            }
            exchange.sendResponseHeaders(code, -1);
        });
    }

    public URI url() {
        return server.url("/hook");
    }

    /** The Idempotency-Key of every request, in arrival order. */
    public List<String> requests() {
        return requests;
    }

    /** The Idempotency-Key of every request answered 2xx. */
    public List<String> accepted() {
        return accepted;
    }

    /** The bodies of the requests answered 2xx. */
    public List<String> bodies() {
        return bodies;
    }

    @Override
    public void close() {
        closed.countDown();
        server.close();
    }
}
