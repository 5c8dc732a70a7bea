package io.spyglass.app.stage;

import io.javalin.util.JavalinBindException;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.enrich.EnrichApp;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.feedlist.FeedList;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.sink.SinkApp;
import io.spyglass.web.WebApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds each stage from the configuration, so every command wires them the same way. */
public final class Stages {
    private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

    private Stages() {
    }

    /** The feed list, checked: call it before contacting Kafka so a bad file is reported at once. */
    public static List<FeedSource> feeds(SpyglassConfig config) {
        return FeedList.load(config.ingest().feedsFile(), config.ingest().feedsInterval());
    }

    /** The ingest stage polling its share of {@code feeds}, re-reading the feed list file when it changes. */
    public static IngestApp ingest(SpyglassConfig config, List<FeedSource> feeds) {
        return IngestApp.watchingFeedsFile(config.cluster(), config.ingest(), feeds, instanceId());
    }

    public static EnrichApp enrich(SpyglassConfig config) {
        return new EnrichApp(config.cluster(), config.enrich(), config.embedded().streamsDir());
    }

    public static SinkApp sink(SpyglassConfig config) throws IOException {
        return new SinkApp(config.cluster(), config.sink(), config.embedded().streamsDir(), config.ingest().fetch().userAgent());
    }

    /** The web view; throws {@link io.javalin.util.JavalinBindException} when its port is taken. */
    public static WebApp web(SpyglassConfig config) {
        return WebApp.start(config.cluster(), config.web());
    }

    /**
     * The web view, or empty with a warning when its port is taken: {@code run} is still useful without the page.
     */
    public static Optional<WebApp> webOrWarn(SpyglassConfig config) {
        try {
            return Optional.of(web(config));
        } catch (JavalinBindException e) {
            LOG.warn("Cannot listen on {}:{} for the web view ({}): set web.port or SPYGLASS_WEB_PORT to a free port "
                    + "(0 picks one); running without it", config.web().address().getHostString(),
                    config.web().address().getPort(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Host name plus a random part: unique per process, readable in broker logs. */
    private static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
