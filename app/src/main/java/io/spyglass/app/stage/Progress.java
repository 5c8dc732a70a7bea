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
            s.append("feeds polled ").append(ingest.feedsPolled()).append(" (").append(ingest.feedsFailed()).append(" failed)")
                    .append(" | articles fetched ").append(ingest.articlesPublished())
                    .append(" (").append(ingest.pagesFailed()).append(" pages unusable, ")
                    .append(ingest.itemsAlreadySeen()).append(" items already seen, ")
                    .append(ingest.articlesRevised()).append(" revised)");
        }
        if (enrich != null) {
            s.append(s.isEmpty() ? "" : " | ").append("tagged ").append(enrich.tagged())
                    .append(" | espionage ").append(enrich.espionage());
            if (enrich.deadLettered() > 0) {
                s.append(" | dead-lettered ").append(enrich.deadLettered());
            }
        }
        if (sink != null) {
            s.append(s.isEmpty() ? "" : " | ").append("stories delivered ").append(sink.stories());
            if (sink.linesWritten() > 0) {
                s.append(" (").append(sink.linesWritten()).append(" written to file)");
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
