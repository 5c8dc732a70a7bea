package io.spyglass.app.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageRunnerTest {

    @Test
    void closesTheStageAndExitsWithStatusOneWhenItFailsForGood() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                .execute(() -> failure.complete(new IllegalStateException("state directory lost")));

        int status = StageRunner.runUntilStopped("test stage", closes::incrementAndGet, failure);

        assertThat(status).isEqualTo(1);
        assertThat(closes.get()).isEqualTo(1);
    }
}
