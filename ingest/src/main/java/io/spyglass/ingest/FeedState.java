package io.spyglass.ingest;

import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.PollOutcome;
import io.spyglass.model.FeedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What ingest remembers about one feed between polls, and the pure rules for when to poll it next: the interval
 * adapts to how often the feed really changes, within {@code [interval, interval x 8]}; failures back off
 * exponentially; a Retry-After is honoured; every delay gets +-10% jitter so feeds do not fall into step.
 *
 * @param validators  for the next conditional GET; never null
 * @param interval    the current adaptive interval; never null
 * @param status      the feed's health after the last poll, or null before the first
 */
public record FeedState(CacheValidators validators, Duration interval, FeedStatus status) {
    /** How far a quiet feed's interval may stretch beyond the configured one. */
    static final int MAX_STRETCH = 8;
    /** The longest wait between two polls of any feed. */
    static final Duration MAX_DELAY = Duration.ofHours(24);
    private static final double JITTER = 0.1;

    public FeedState {
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(interval, "interval");
    }

    /** The state of a feed never polled. */
    public static FeedState initial(FeedSource source) {
        return new FeedState(CacheValidators.NONE, source.interval(), null);
    }

    /** The state after {@code poll}, which ended at {@code now}. */
    public FeedState after(FeedPoll poll, Instant now) {
        Duration min = poll.feed().interval();
        Duration max = cap(min.multipliedBy(MAX_STRETCH));
        Duration next = interval;
        if (poll.ok()) {
            // a feed with news is polled as often as configured; a quiet one more and more rarely
            next = poll.published() > 0 ? next.dividedBy(2) : next.plus(next.dividedBy(2));
        }
        next = next.compareTo(min) < 0 ? min : next.compareTo(max) > 0 ? max : next;
        int failures = poll.ok() ? 0 : (status == null ? 0 : status.consecutiveFailures()) + 1;
        Instant lastSuccess = poll.ok() ? now : status == null ? null : status.lastSuccess();
        // only a feed that was read tells how many items it lists and how new they are
        boolean read = poll.outcome() instanceof PollOutcome.Polled;
        int itemsSeen = read ? poll.items() : status == null ? 0 : status.itemsSeen();
        Instant newestItem = read ? poll.newestItem() : status == null ? null : status.newestItem();
        Instant lastNewArticle = poll.published() > 0 ? now : status == null ? null : status.lastNewArticle();
        FeedStatus health = new FeedStatus(FeedStatus.SCHEMA_VERSION, poll.feed().url().toString(), now, lastSuccess,
                poll.httpStatus(), itemsSeen, failures, poll.errorKind(), poll.error(), newestItem, lastNewArticle, null);
        return new FeedState(poll.validators(), next, health);
    }

    /**
     * How long to wait before the next poll, before jitter: the interval, doubled for each consecutive failure
     * (at most {@link #MAX_DELAY}), and never less than what the server asked for.
     */
    public Duration nextDelay(Duration retryAfter) {
        Duration delay = interval;
        int failures = status == null ? 0 : status.consecutiveFailures();
        if (failures > 0) {
            delay = cap(interval.multipliedBy(1L << Math.min(failures - 1, 16)));
        }
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = cap(retryAfter);
        }
        return delay;
    }

    /** {@code delay} spread by +-10%; {@code random} is uniform in [0, 1). */
    public static Duration jitter(Duration delay, double random) {
        return Duration.ofMillis(Math.round(delay.toMillis() * (1 - JITTER + 2 * JITTER * random)));
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
