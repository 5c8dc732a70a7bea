package io.spyglass.web;

import io.spyglass.model.settings.ClusterSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web stage: a follower of the story and feed-status topics, the index it fills, and the server of the page.

 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private final StoryIndex index;
    private final TopicFollower follower;
    private final StoryReader reader;
    private final WebServer server;

    private WebApp(StoryIndex index, TopicFollower follower, StoryReader reader, WebServer server) {
        this.index = index;
        this.follower = follower;
        this.reader = reader;
        this.server = server;
    }

    /**
     * Starts following the story and feed-status topics of the deployment {@code cluster} describes and serving the
     * page as {@code settings} say.
     *
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public static WebApp start(ClusterSettings cluster, WebSettings settings) {
        Map<String, Object> kafka = cluster.kafka();
        String storiesTopic = cluster.topics().espionage();
        InetSocketAddress address = settings.address();
        StoryIndex index = new StoryIndex(settings.maxStories());
        FeedBoard feeds = new FeedBoard();
        StoryReader reader = new StoryReader(kafka, storiesTopic);
        WebServer server = new WebServer(index, feeds, reader);
        try {
            server.start(address);
        } catch (RuntimeException e) {
            server.close();
            reader.close();
            throw e;
        }
        TopicFollower follower = new TopicFollower(kafka, storiesTopic, cluster.topics().feedStatus(), index, feeds, server);
        follower.start();
        LOG.info("Web view on http://{}:{}/", address.getHostString(), server.port());
        return new WebApp(index, follower, reader, server);
    }

    public int port() {
        return server.port();
    }

    public StoryIndex index() {
        return index;
    }

    /** Waits until the stories on the topic at start are all in the view. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        follower.close();
        reader.close();
    }
}
