package io.spyglass.ingest.log;

import io.spyglass.model.FeedStatus;
import java.util.ArrayList;
import java.util.List;

/** A {@link FeedStatusLog} in memory, for tests. */
public final class InMemoryFeedStatusLog implements FeedStatusLog {
    private final List<FeedStatus> recorded = new ArrayList<>();

    @Override
    public synchronized void record(FeedStatus status) {
        recorded.add(status);
    }

    @Override
    public synchronized void forget(String url) {
        recorded.removeIf(s -> s.url().equals(url));
    }

    public synchronized List<FeedStatus> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public void close() {
    }
}
