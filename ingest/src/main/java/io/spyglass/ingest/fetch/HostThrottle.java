package io.spyglass.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most {@code concurrency} requests at a time, request starts at least {@code minDelay}
 * apart, and none at all while the host has asked to be left alone (429/503, with exponential backoff).
 */
public final class HostThrottle {
    /** The longest any host is left alone, whatever its Retry-After says. */
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final Duration BASE_BACKOFF = Duration.ofSeconds(30);

    private final int concurrency;
    private final long minDelayNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * @param concurrency requests to one host at the same time
     * @param minDelay    least time between the starts of two requests to one host
     */
    public HostThrottle(int concurrency, Duration minDelay) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.minDelayNanos = minDelay.toNanos();
    }

    /** No limits: for tools and tests that talk to one local server. */
    public static HostThrottle unlimited() {
        return new HostThrottle(Integer.MAX_VALUE, Duration.ZERO);
    }

    /** A turn to send one request to {@code host}; close it when the response is read. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for a turn at {@code host}.
     *
     * @throws FetchException of class {@link FetchException.Kind#RATE_LIMITED} while the host is backed off: the
     *                        caller should try again later rather than hold a worker
     */
    public Permit acquire(String host) throws FetchException, InterruptedException {
        Host h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host(concurrency));
        h.refuseWhileBackedOff(host);
        h.slots.acquire();
        try {
            long wait = h.reserveStart(minDelayNanos);
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            h.slots.release();
            throw e;
        }
        return h.slots::release;
    }

    /** Records a 429 or 503 from {@code host}: leaves it alone for its Retry-After, or an exponential backoff, if longer. */
    public void backOff(String host, Duration retryAfter) {
        Host h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host(concurrency));
        h.backOff(retryAfter);
    }

    /**
     * Spaces requests to {@code host} at least {@code delay} apart from now on (its robots.txt Crawl-delay), if that
     * is longer than the configured minimum.
     */
    public void atLeast(String host, Duration delay) {
        hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host(concurrency)).atLeast(delay.toNanos());
    }

    /** The least time between two request starts to {@code host}. */
    public Duration minDelay(String host) {
        Host h = hosts.get(host.toLowerCase(Locale.ROOT));
        return Duration.ofNanos(h == null ? minDelayNanos : Math.max(minDelayNanos, h.ownDelayNanos()));
    }

    /** Records a normal answer from {@code host}, which ends its backoff streak. */
    public void succeeded(String host) {
        Host h = hosts.get(host.toLowerCase(Locale.ROOT));
        if (h != null) {
            h.succeeded();
        }
    }

    /** How long {@code host} is still left alone; zero when it may be asked now. */
    public Duration backedOff(String host) {
        Host h = hosts.get(host.toLowerCase(Locale.ROOT));
        return h == null ? Duration.ZERO : h.remaining();
    }

    /**
     * A Retry-After header value (delay-seconds or an HTTP date) as a duration from {@code now}; null when absent
     * or unreadable, zero when already past.
     */
    public static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The backoff after {@code strikes} consecutive 429/503 answers: 30 s doubling, at most {@link #MAX_BACKOFF}. */
    static Duration exponential(int strikes) {
        if (strikes < 1) {
            return Duration.ZERO;
        }
        int shift = Math.min(strikes - 1, 20);
        Duration d = BASE_BACKOFF.multipliedBy(1L << shift);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Host {
        final Semaphore slots;
        private long nextStart = System.nanoTime();
        private long blockedUntil = System.nanoTime();
        private int strikes;
        private long ownDelayNanos;

        Host(int concurrency) {
            this.slots = new Semaphore(concurrency, true);
        }

        synchronized void refuseWhileBackedOff(String host) throws FetchException {
            long left = blockedUntil - System.nanoTime();
            if (left > 0) {
                throw new FetchException(FetchException.Kind.RATE_LIMITED, "host " + host + " asked us to wait; "
                        + "backing off for another " + Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left)) + " s");
            }
        }

        /** Claims the next start time and returns how long to wait for it. */
        synchronized long reserveStart(long minDelayNanos) {
            long now = System.nanoTime();
            long start = Math.max(now, nextStart);
            nextStart = start + Math.max(minDelayNanos, ownDelayNanos);
            return start - now;
        }

        synchronized void atLeast(long delayNanos) {
            ownDelayNanos = delayNanos;
        }

        synchronized long ownDelayNanos() {
            return ownDelayNanos;
        }

        synchronized void backOff(Duration retryAfter) {
            strikes++;
            // the host's own Retry-After is honoured as given; only repeated refusals make the wait grow
            Duration d = retryAfter == null ? exponential(strikes) : max(retryAfter, exponential(strikes - 1));
            if (d.compareTo(MAX_BACKOFF) > 0) {
                d = MAX_BACKOFF;
            }
            blockedUntil = Math.max(blockedUntil, System.nanoTime() + d.toNanos());
        }

        synchronized void succeeded() {
            strikes = 0;
        }

        synchronized Duration remaining() {
            long left = blockedUntil - System.nanoTime();
            return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
        }
    }
}
