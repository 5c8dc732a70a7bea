package io.spyglass.app.health;

import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.poll.IngestStats;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest as the health endpoint sees it: STARTING until it polls, POLLING while it does, CANNOT_STORE (not ready, with
 * the reason) while it polls but Kafka takes no articles, FAILED once it has stopped polling for good, STOPPED once
 * closed.
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
        return List.of("STARTING", "POLLING", "CANNOT_STORE", "FAILED", "STOPPED");
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
        return status(current.polling(), current.storeProblem());
    }

    /** Pure: the status of an ingest that has not failed, from whether it polls and why it cannot store, if it cannot. */
    static StageStatus status(boolean polling, String storeProblem) {
        if (!polling) {
            return new StageStatus("STOPPED", false, false);
        }
        return storeProblem == null ? new StageStatus("POLLING", true, false)
                : new StageStatus("CANNOT_STORE", false, false, storeProblem);
    }

    @Override
    public List<Metric> metrics() {
        IngestApp current = app;
        if (current == null) {
            return StageCounters.counters("ingest", NONE);
        }
        List<Metric> metrics = new ArrayList<>(StageCounters.counters("ingest", current.stats()));
        metrics.addAll(StageCounters.feeds(current.feedStatuses()));
        return metrics;
    }
}
