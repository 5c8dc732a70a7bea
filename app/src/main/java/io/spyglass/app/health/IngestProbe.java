package io.spyglass.app.health;

import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.IngestStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest as the health endpoint sees it: STARTING until it polls, POLLING while it does, FAILED once it has stopped
 * polling for good, STOPPED once closed.
 */
public final class IngestProbe implements StageProbe {
    private static final IngestStats NONE = new IngestStats();
    private volatile IngestApp app;

    /** Reports on {@code app}, which {@link IngestApp#start()} has started; until then ingest is STARTING. */
    public void attach(IngestApp app) {
        this.app = app;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<String> states() {
        return List.of("STARTING", "POLLING", "FAILED", "STOPPED");
    }

    @Override
    public StageStatus status() {
        IngestApp current = app;
        if (current == null) {
            return new StageStatus("STARTING", false, false);
        }
        if (current.failure().isDone()) {
            return new StageStatus("FAILED", false, true);
        }
        return current.polling() ? new StageStatus("POLLING", true, false) : new StageStatus("STOPPED", false, false);
    }

    @Override
    public List<Metric> metrics() {
        IngestApp current = app;
        if (current == null) {
            return StageCounters.ingest(NONE);
        }
        List<Metric> metrics = new ArrayList<>(StageCounters.ingest(current.stats()));
        metrics.addAll(StageCounters.feeds(current.feedStatuses()));
        return metrics;
    }
}
