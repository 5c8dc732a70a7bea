package io.spyglass.app.stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a started stage running until the process is told to stop (Ctrl-C, SIGTERM), then closes it; or until the
 * stage fails for good, so that the process exits and a supervisor (docker-compose's restart policy) starts it again
 * instead of leaving a stage that runs but processes nothing.
 */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    private StageRunner() {
    }

    /** Runs until stopped (0) or until {@code failure} completes (1, after closing the stage). */
    public static int runUntilStopped(String name, AutoCloseable stage, CompletableFuture<Throwable> failure) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                LOG.info("Stopping {}", name);
                try {
                    stage.close();
                } catch (Exception e) {
                    LOG.warn("Stopping {} failed: {}", name, e.toString());
                }
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(close, "spyglass-shutdown"));
        failure.thenRun(stopped::countDown);
        LOG.info("{} running; Ctrl-C stops it", name);
        stopped.await();
        if (failure.isDone() && !closed.get()) {
            LOG.error("{} failed and stopped processing: {}; exiting with status 1 so that it can be restarted", name,
                    failure.join().toString());
            close.run();
            return 1;
        }
        return 0;
    }

    /** Runs until stopped; for a stage that has no failure it cannot recover from by itself. */
    public static int runUntilStopped(String name, AutoCloseable stage) throws InterruptedException {
        return runUntilStopped(name, stage, new CompletableFuture<>());
    }
}
