package io.spyglass.ingest.feedlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the feed list file when its content changes and hands a valid new list on; a broken edit keeps the old
 * list and logs why. Compares content rather than relying on file events, which bind mounts and editors that
 * replace files do not deliver reliably.
 */
public final class FeedListWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedListWatcher.class);

    private final Path file;
    private final Duration defaultInterval;
    private final Consumer<List<FeedSource>> onChange;
    private byte[] last;

    /** @param onChange receives each new valid list; the list read at start-up is not passed on */
    public FeedListWatcher(Path file, Duration defaultInterval, Consumer<List<FeedSource>> onChange) {
        this.file = Objects.requireNonNull(file, "file");
        this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.last = read();
    }

    /**
     * Checks the file once: if its content changed and is valid, passes the new list on.
     *
     * @return true when a new list was passed on
     */
    public synchronized boolean check() {
        byte[] now = read();
        if (now == null || Arrays.equals(now, last)) {
            return false;
        }
        last = now;
        List<FeedSource> feeds;
        try {
            feeds = FeedList.parse(new String(now, StandardCharsets.UTF_8), file.toString(), defaultInterval);
        } catch (IllegalArgumentException e) {
            LOG.warn("Feed list changed but is invalid; keeping the previous list: {}", e.getMessage());
            return false;
        }
        LOG.info("Feed list {} changed: {} feeds", file, feeds.size());
        onChange.accept(feeds);
        return true;
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warn("Cannot read feed list {} ({}); keeping the previous list", file, e.toString());
            return null;
        }
    }
}
