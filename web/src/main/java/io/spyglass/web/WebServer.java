package io.spyglass.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.spyglass.model.FeedStatus;
import io.spyglass.model.Json;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page and its API on one port: {@code /} the page, {@code /api/stories} a page of summaries,
 * {@code /api/stories/{id}} one story with its sources, {@code /api/stats}, {@code /api/facets}, {@code /api/feeds},
 * and {@code /api/events}, a server-sent event stream of the stories (matching the request's filter) and feed
 * statuses that change. The page is the only client; it is served with a content security policy that allows no
 * script but its own, so a title a hostile feed wrote cannot run even if shown wrongly.
 */
public final class WebServer implements TopicFollower.Listener, AutoCloseable {
    /** Most stories one API call returns. */
    public static final int MAX_LIMIT = 200;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String CSP = "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final StoryIndex index;
    private final FeedBoard feeds;
    private final StoryReader reader;
    private final Javalin app;
    private final Map<SseClient, StoryFilter> clients = new ConcurrentHashMap<>();
    // Events go out on their own thread: a slow browser must not hold up reading the topics.
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> daemon(r, "spyglass-web-events"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "spyglass-web-heartbeat"));

    public WebServer(StoryIndex index, FeedBoard feeds, StoryReader reader) {
        this.index = index;
        this.feeds = feeds;
        this.reader = reader;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/io/spyglass/web/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        app.get("/api/stories", this::stories);
        app.get("/api/stories/{id}", this::story);
        app.get("/api/stats", ctx -> json(ctx, index.stats(filter(ctx))));
        app.get("/api/facets", ctx -> json(ctx, index.facets()));
        app.get("/api/feeds", ctx -> json(ctx, feeds.all()));
        app.sse("/api/events", this::subscribe);
        app.exception(IllegalArgumentException.class, (e, ctx) -> {
            ctx.status(400);
            json(ctx, Map.of("error", e.getMessage()));
        });
        heartbeat.scheduleAtFixedRate(() -> events.execute(() -> send("ping", "{}", null)), 15, 15, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts listening; port 0 picks a free one. */
    public WebServer start(InetSocketAddress address) {
        app.start(address.getHostString(), address.getPort());
        return this;
    }

    /** The port listened on. */
    public int port() {
        return app.port();
    }

    private void stories(Context ctx) {
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(ctx, "limit", 50, 1, MAX_LIMIT);
        json(ctx, index.page(filter(ctx), offset, limit));
    }

    private void story(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<byte[]> story = index.position(id).flatMap(reader::read);
        if (story.isEmpty()) {
            ctx.status(404);
            json(ctx, Map.of("error", "no story " + id));
            return;
        }
        ctx.contentType("application/json").result(story.get());
    }

    private void subscribe(SseClient client) {
        StoryFilter filter;
        try {
            filter = filter(client.ctx());
        } catch (IllegalArgumentException e) {
            client.sendEvent("error", e.getMessage());
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, filter);
        client.sendEvent("hello", "{\"stories\":" + index.size() + "}");
    }

    @Override
    public void story(StorySummary summary) {
        broadcast("story", summary, summary);
    }

    @Override
    public void feed(FeedStatus status) {
        broadcast("feed", status, null);
    }

    /** Sends {@code value} to the open pages; {@code story}, when not null, to those whose filter it passes. */
    private void broadcast(String event, Object value, StorySummary story) {
        // reading the topic at start-up changes every story; with no page open there is nobody to write them for
        if (clients.isEmpty()) {
            return;
        }
        String data = write(value);
        events.execute(() -> send(event, data, story));
    }

    private void send(String event, String data, StorySummary summary) {
        clients.forEach((client, filter) -> {
            if (client.terminated()) {
                clients.remove(client);
            } else if (summary == null || index.matches(filter, summary)) {
                try {
                    client.sendEvent(event, data);
                } catch (RuntimeException e) {
                    LOG.debug("Dropping an event client: {}", e.toString());
                    clients.remove(client);
                }
            }
        });
    }

    private static StoryFilter filter(Context ctx) {
        return StoryFilter.of(ctx::queryParam);
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(write(value));
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.keySet().forEach(SseClient::close);
        events.shutdownNow();
        app.stop();
    }
}
