package io.spyglass.app.stage;

import io.spyglass.enrich.EnrichStats;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.model.DaemonThreads;
import io.spyglass.sink.SinkStats;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A one-line summary of what the stages have done, logged periodically when it changed. */
public final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private final IngestStats ingest;
    private final EnrichStats enrich;
    private final SinkStats sink;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("spyglass-progress"));
    private String last = "";

    /** Any of the stats may be null when that stage does not run in this process. */
    public Progress(IngestStats ingest, EnrichStats enrich, SinkStats sink) {
        this.ingest = ingest;
        this.enrich = enrich;
        this.sink = sink;
    }

    public void start(long periodSeconds) {
        timer.scheduleAtFixedRate(this::report, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private synchronized void report() {
        String line = line();
        if (!line.equals(last)) {
            LOG.info(line);
            last = line;
        }
    }

    public String line() {
        StringBuilder s = new StringBuilder();
        if (ingest != null) {
            s.append("feeds polled ").append(ingest.get(IngestStats.Count.FEEDS_POLLED)).append(" (")
                    .append(ingest.get(IngestStats.Count.FEEDS_FAILED)).append(" failed)")
                    .append(" | articles fetched ").append(ingest.get(IngestStats.Count.ARTICLES_PRODUCED))
                    .append(" (").append(ingest.get(IngestStats.Count.PAGES_FAILED)).append(" pages unusable, ")
                    .append(ingest.get(IngestStats.Count.ITEMS_ALREADY_SEEN)).append(" items already seen, ")
                    .append(ingest.get(IngestStats.Count.ARTICLES_REVISED)).append(" revised)");
        }
        if (enrich != null) {
            s.append(s.isEmpty() ? "" : " | ").append("tagged ").append(enrich.get(EnrichStats.Count.ARTICLES_TAGGED))
                    .append(" | espionage ").append(enrich.get(EnrichStats.Count.ARTICLES_ESPIONAGE));
            if (enrich.get(EnrichStats.Count.DEAD_LETTERED) > 0) {
                s.append(" | dead-lettered ").append(enrich.get(EnrichStats.Count.DEAD_LETTERED));
            }
        }
        if (sink != null) {
            s.append(s.isEmpty() ? "" : " | ").append("stories delivered ")
                    .append(sink.get(SinkStats.Count.STORIES_EMITTED));
            if (sink.get(SinkStats.Count.FILE_LINES_WRITTEN) > 0) {
                s.append(" (").append(sink.get(SinkStats.Count.FILE_LINES_WRITTEN)).append(" written to file)");
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
