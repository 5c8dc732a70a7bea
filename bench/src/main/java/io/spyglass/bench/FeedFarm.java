package io.spyglass.bench;

import com.sun.net.httpserver.HttpExchange;
import io.spyglass.testkit.LocalServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A farm of made-up news sites for the ingest benchmark, run as its own process so that its CPU is not counted as
 * ingest's: {@code feeds} RSS feeds of {@code items} items each, spread over {@code hosts} loopback addresses
 * (127.0.0.1 ... 127.0.0.N), with article pages of 30-100 KB. Some pages are slow (2 s), some fail (500), some feeds
 * are missing (404) or malformed. Prints {@code READY <port>} and serves until its standard input closes.
 */
public final class FeedFarm {
    private final int items;
    private final int hosts;
    private int port;

    private FeedFarm(int items, int hosts) {
        this.items = items;
        this.hosts = hosts;
    }

    /** Arguments: items per feed, number of hosts. */
    public static void main(String[] args) throws Exception {
        FeedFarm farm = new FeedFarm(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        // every address, so that each of the 127.0.0.N hosts reaches it
        try (LocalServer server = LocalServer.start(InetAddress.getByName("0.0.0.0"), 0)) {
            farm.port = server.port();
            server.handleAll(farm::handle);
            System.out.println("READY " + farm.port);
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the benchmark closes our standard input
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (path.length == 3 && path[1].equals("feed")) {
            feed(exchange, Integer.parseInt(path[2]));
        } else if (path.length == 4 && path[1].equals("page")) {
            if ((Integer.parseInt(path[2]) * 31 + Integer.parseInt(path[3])) % 100 == 1) {
                sleep(2_000); // a slow site; the server's pool grows, so no other request waits for it
            }
            page(exchange, Integer.parseInt(path[2]), Integer.parseInt(path[3]));
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void feed(HttpExchange exchange, int feed) throws IOException {
        if (feed % 100 == 7) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (feed % 100 == 13) {
            send(exchange, 200, "application/rss+xml", "<rss><channel><item><title>broken");
            return;
        }
        String host = "127.0.0." + (1 + feed % hosts);
        StringBuilder b = new StringBuilder(4096).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Farm feed ").append(feed).append("</title><link>http://").append(host).append(':').append(port)
                .append("/</link><description>bench</description>");
        for (int i = 0; i < items; i++) {
            b.append("<item><title>Story ").append(feed).append('-').append(i).append("</title><link>http://").append(host)
                    .append(':').append(port).append("/page/").append(feed).append('/').append(i)
                    .append("</link><pubDate>Mon, 01 Jul 2024 10:00:00 GMT</pubDate><description>Summary of story ")
                    .append(i).append(" in feed ").append(feed).append(".</description></item>");
        }
        send(exchange, 200, "application/rss+xml", b.append("</channel></rss>").toString());
    }

    private void page(HttpExchange exchange, int feed, int item) throws IOException {
        int kind = (feed * 31 + item) % 100;
        if (kind == 0) {
            send(exchange, 500, "text/html", "<h1>Internal error</h1>");
            return;
        }
        Random random = new Random(feed * 1_000L + item);
        int size = 30_000 + random.nextInt(70_000);
        StringBuilder b = new StringBuilder(size + 2_000).append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Story ").append(feed).append('-').append(item).append("</title></head><body>")
                .append("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Story ").append(feed)
                .append('-').append(item).append("</h1>");
        String[] words = {"intrusion", "ministry", "network", "officials", "said", "the", "operation", "state-backed",
            "actors", "data", "defence", "agency", "report", "campaign", "access", "systems", "of", "and", "in", "to"};
        while (b.length() < size) {
            b.append("<p>");
            int n = 40 + random.nextInt(60);
            for (int w = 0; w < n; w++) {
                b.append(words[random.nextInt(words.length)]).append(' ');
            }
            b.append("</p>\n");
        }
        b.append("</article><footer>Copyright farm</footer></body></html>");
        send(exchange, 200, "text/html; charset=utf-8", b.toString());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        LocalServer.send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }
}
