package io.spyglass.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a started stage running until the process is told to stop (Ctrl-C, SIGTERM), then closes it. */
final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    private StageRunner() {
    }

    static int runUntilStopped(String name, AutoCloseable stage) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping {}", name);
            try {
                stage.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", name, e.toString());
            }
            stopped.countDown();
        }, "spyglass-shutdown"));
        LOG.info("{} running; Ctrl-C stops it", name);
        stopped.await();
        return 0;
    }
}
