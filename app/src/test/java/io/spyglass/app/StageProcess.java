package io.spyglass.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Spyglass stage ({@code spyglass enrich|sink ...}) in a JVM of its own, on the test's own class path, so a test
 * can kill it the way a crash or {@code kill -9} would: no shutdown hook, no commit, no leaving the group.
 */
final class StageProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private StageProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code spyglass <args>}, its output to {@code log}. */
    static StageProcess start(Path log, String... args) throws IOException {
        // the test class path, not target/spyglass.jar: the classes under test, as the in-JVM tests run them
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a stage starts in a few seconds this way on two cores; it runs for seconds, so C2 would not pay off
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Spyglass.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new StageProcess(process, log);
    }

    /** Kills the process at once (SIGKILL) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** True while the process runs; the log says why it stopped otherwise. */
    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Asks it to stop (SIGTERM runs the stage's shutdown hook) and waits up to 30 s; true if it stopped by then. */
    boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops it cleanly, killing it if it takes over 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!terminate()) {
            kill();
        }
    }
}
