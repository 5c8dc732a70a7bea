package io.spyglass.model;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the pipeline's background pools: daemon threads, so that a pool someone forgot to shut
 * down never keeps the JVM alive, each named for what it does so that a thread dump says whose it is.
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

    private static Thread daemon(Thread t) {
        t.setDaemon(true);
        return t;
    }
}
