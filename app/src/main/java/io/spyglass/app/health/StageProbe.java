package io.spyglass.app.health;

import java.util.List;

/** One stage of a process as the health endpoint sees it; each method is cheap and never blocks. */
public interface StageProbe {
    /** The stage's name: {@code ingest}, {@code enrich} or {@code sink}. */
    String name();

    /** Every state {@link #status()} can report, so that the state gauge always has the same series. */
    List<String> states();

    /** What the stage reports now; never null. */
    StageStatus status();

    /** The stage's metrics: the counters it keeps (zeros until the stage exists), and gauges where it has them. */
    List<Metric> metrics();
}
