package io.spyglass.web;

import io.spyglass.model.FeedStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The latest status of every feed, as read from the feed-status topic. Thread-safe. */
public final class FeedBoard {
    private final Map<String, FeedStatus> byUrl = new ConcurrentHashMap<>();

    /** Records {@code status}, unless a status of the same feed from a later attempt is already held. */
    public boolean apply(FeedStatus status) {
        FeedStatus kept = byUrl.merge(status.url(), status,
                (old, now) -> now.lastAttempt().isBefore(old.lastAttempt()) ? old : now);
        return kept == status;
    }

    /** Forgets a feed whose key the topic deleted. */
    public void remove(String url) {
        byUrl.remove(url);
    }

    /** Every feed, failing ones first, then by URL. */
    public List<FeedStatus> all() {
        List<FeedStatus> list = new ArrayList<>(byUrl.values());
        list.sort(Comparator.comparingInt(FeedStatus::consecutiveFailures).reversed().thenComparing(FeedStatus::url));
        return list;
    }
}
