package io.spyglass.model;

import java.util.concurrent.CompletableFuture;

/**
 * A stage of the pipeline (ingest, enrich, sink) as the process that runs it sees it: started once, closed once, and
 * failed for good at most once.
 */
public interface Stage extends AutoCloseable {
    /** Starts processing and returns. */
    void start();

    /**
     * Completes with the cause when the stage has stopped processing for good, so that the process can exit and be
     * restarted rather than run on doing nothing; never null.
     */
    CompletableFuture<Throwable> failure();

    /** Stops processing and releases what the stage holds. */
    @Override
    void close();
}
