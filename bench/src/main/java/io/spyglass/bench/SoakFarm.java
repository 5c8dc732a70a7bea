package io.spyglass.bench;

import com.sun.net.httpserver.HttpExchange;
import io.spyglass.testkit.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The soak's loopback feed farm, run as a process of its own so that its memory is not the pipeline's: serves
 * {@link SoakFixtures} on {@code hosts} addresses 127.0.0.1.., one port, and the feeds of kind REFUSED on a second
 * port whose listener is closed for 90 s of every 3 minutes (connection refused). Prints "ready" when it serves.
 *
 * <p>Arguments: port, refused port, hosts, start time (epoch ms).
 */
public final class SoakFarm {
    private static final byte[] MALFORMED = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title>"
            + "<item><title>Half a feed</titl><link>http://example.invalid/x</link></item></channel>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] JUNK = "<item><title>padding padding padding padding</title></item>\n".repeat(1000)
            .getBytes(StandardCharsets.UTF_8);

    private final SoakFixtures fixtures;

    private SoakFarm(SoakFixtures fixtures) {
        this.fixtures = fixtures;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int refusedPort = Integer.parseInt(args[1]);
        int hosts = Integer.parseInt(args[2]);
        long start = Long.parseLong(args[3]);
        SoakFarm farm = new SoakFarm(new SoakFixtures(start));
        List<LocalServer> servers = new ArrayList<>();
        for (int h = 1; h <= hosts; h++) {
            servers.add(farm.serve(InetAddress.getByName("127.0.0." + h), port));
        }
        ScheduledExecutorService flapper = Executors.newSingleThreadScheduledExecutor();
        LocalServer[] refused = {farm.serve(InetAddress.getByName("127.0.0.1"), refusedPort)};
        flapper.scheduleAtFixedRate(() -> {
            long phase = Math.floorMod(System.currentTimeMillis() - start, 180_000L);
            try {
                if (phase < 90_000 && refused[0] != null) {
                    refused[0].close();
                    refused[0] = null;
                } else if (phase >= 90_000 && refused[0] == null) {
                    refused[0] = farm.serve(InetAddress.getByName("127.0.0.1"), refusedPort);
                }
            } catch (IOException | UncheckedIOException e) {
                System.err.println("soak farm: cannot reopen port " + refusedPort + ": " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        System.out.println("ready");
        System.out.flush();
        // runs until the soak kills it, or its input closes
        while (System.in.read() >= 0) {
            // nothing to read; the soak closes our input when it ends
        }
        servers.forEach(LocalServer::close);
        System.exit(0);
    }

    private LocalServer serve(InetAddress address, int port) {
        return LocalServer.start(address, port).handleAll(this::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        long now = System.currentTimeMillis();
        String base = "http://" + exchange.getLocalAddress().getAddress().getHostAddress() + ":"
                + exchange.getLocalAddress().getPort();
        if (parts.length == 3 && parts[1].equals("f")) {
            feed(exchange, Integer.parseInt(parts[2]), base, now);
        } else if (parts.length == 4 && parts[1].equals("a")) {
            int feed = Integer.parseInt(parts[2]);
            if (SoakFixtures.kind(feed) == SoakFixtures.Kind.SLOW_PAGES) {
                sleep(2_000);
            }
            String page = fixtures.page(feed, Long.parseLong(parts[3]), now);
            send(exchange, page == null ? 404 : 200, "text/html; charset=utf-8",
                    page == null ? new byte[0] : page.getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 404, "text/plain", new byte[0]);
        }
    }

    private void feed(HttpExchange exchange, int feed, String base, long now) throws IOException {
        SoakFixtures.Kind kind = SoakFixtures.kind(feed);
        boolean hostile = fixtures.hostile(feed, now);
        boolean down = fixtures.down(feed, now);
        switch (kind) {
            case DRIP -> {
                if (hostile) {
                    drip(exchange);
                    return;
                }
            }
            case HUGE -> {
                if (hostile) {
                    huge(exchange);
                    return;
                }
            }
            case MALFORMED -> {
                if (hostile) {
                    send(exchange, 200, "application/rss+xml", MALFORMED);
                    return;
                }
            }
            case ERROR_500 -> {
                if (down) {
                    send(exchange, 500, "text/plain", "internal error".getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            case TIMEOUT -> {
                if (down) {
                    // longer than the soak's fetch.timeout
                    sleep(15_000);
                }
            }
            default -> { }
        }
        send(exchange, 200, "application/rss+xml; charset=utf-8", fixtures.rss(feed, base, now).getBytes(StandardCharsets.UTF_8));
    }

    /** Headers, then a byte every half second until the client gives up. */
    private static void drip(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 120; i++) {
            out.write(' ');
            out.flush();
            sleep(500);
        }
    }

    /** A feed of 12 MB, chunked, past the 10 MiB cap. */
    private static void huge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>".getBytes(StandardCharsets.UTF_8));
        for (long sent = 0; sent < 12_000_000; sent += JUNK.length) {
            out.write(JUNK);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        LocalServer.send(exchange, status, type, body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
