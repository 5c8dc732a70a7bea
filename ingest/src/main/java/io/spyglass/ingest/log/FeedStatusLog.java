package io.spyglass.ingest.log;

import io.spyglass.model.FeedStatus;

/** Where ingest records each feed's health after every poll. */
public interface FeedStatusLog extends AutoCloseable {

    /** Records {@code status}, replacing the feed's previous one. Never throws: health is best-effort. */
    void record(FeedStatus status);

    /** Drops the status of a feed taken off the list, so the health records name only listed feeds. Never throws. */
    void forget(String url);

    @Override
    void close();
}
