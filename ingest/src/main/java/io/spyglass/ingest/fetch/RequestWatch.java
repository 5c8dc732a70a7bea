package io.spyglass.ingest.fetch;

import io.spyglass.model.DaemonThreads;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Watches one request being sent or read, by the thread that waits for it: aborts it at its deadline, and when its
 * thread is interrupted or it is cancelled (the fetcher closing). The socket timeout bounds each read; this bounds the
 * whole exchange, so a server dripping its headers or body a byte at a time is cut off at the deadline.
 */
final class RequestWatch implements AutoCloseable {
    /**
     * How often a request in flight looks whether its thread was interrupted: the client's blocking socket reads do
     * not notice an interrupt, so without this a stopping ingest would wait up to {@code fetch.timeout} per worker.
     */
    private static final long INTERRUPT_CHECK_MILLIS = 50;
    /** Aborts the requests that pass their deadline; one daemon thread for every fetcher. */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private final HttpGet request;
    private final Thread thread;
    private final AtomicBoolean expired = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private ScheduledFuture<?> abort;
    private ScheduledFuture<?> watch;

    /** A watch of {@code request}, sent by the calling thread; it starts with {@link #start(long)}. */
    RequestWatch(HttpGet request) {
        this.request = request;
        this.thread = Thread.currentThread();
    }

    /** Starts watching: the request is aborted in {@code remainingNanos}, or as soon as its thread is interrupted. */
    void start(long remainingNanos) {
        abort = DEADLINES.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, remainingNanos, TimeUnit.NANOSECONDS);
        // a blocked socket read ignores an interrupt (ingest stopping): this stops it
        watch = DEADLINES.scheduleWithFixedDelay(() -> {
            if (thread.isInterrupted()) {
                cancel();
            }
        }, INTERRUPT_CHECK_MILLIS, INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Aborts the request; the fetch ends in a {@link FetchException.Kind#CANCELLED} failure. */
    void cancel() {
        cancelled.set(true);
        request.cancel();
    }

    /** True once the request was cancelled, by {@link #cancel()} or its thread's interrupt. */
    boolean cancelled() {
        return cancelled.get();
    }

    /** True once the request passed its deadline. */
    boolean expired() {
        return expired.get();
    }

    /** Stops watching. */
    @Override
    public void close() {
        if (watch != null) {
            watch.cancel(false);
        }
        if (abort != null) {
            abort.cancel(false);
        }
    }

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("fetch-deadlines"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
