package io.spyglass.model;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the pipeline's background pools: daemon threads, so that a pool someone forgot to shut
 * down never keeps the JVM alive, each named for what it does so that a thread dump says whose it is; and the
 * two ways a stage waits for its threads when it stops. Both keep the caller's interrupt: a stop that is itself
 * interrupted returns at once, with the flag set again for the caller's caller.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Daemon threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> daemon(new Thread(r, name));
    }

    /** Daemon threads called {@code prefix} followed by 1, 2, 3, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(new Thread(r, prefix + n.incrementAndGet()));
    }

    /** Waits up to {@code timeout} for {@code thread} to end; false when it has not (or the wait was interrupted). */
    public static boolean join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /**
     * Interrupts the pool's tasks and waits up to {@code timeout} for them to end; false when some have not (or the
     * wait was interrupted).
     */
    public static boolean shutdown(ExecutorService pool, Duration timeout) {
        pool.shutdownNow();
        try {
            return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemon(Thread t) {
        t.setDaemon(true);
        return t;
    }
}
