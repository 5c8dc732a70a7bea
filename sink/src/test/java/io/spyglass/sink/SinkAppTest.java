package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SinkAppTest {

    @Test
    void aSinkThatStopsWithAnExceptionFailsTheStageAndOneThatIsClosedDoesNot() {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        UncheckedIOException diskFull = new UncheckedIOException(new IOException("No space left on device"));

        SinkApp.reportingFailure(() -> { }, failure).run();
        assertThat(failure).isNotDone();

        SinkApp.reportingFailure(() -> {
            throw diskFull;
        }, failure).run();
        assertThat(failure).isCompletedWithValue(diskFull);
    }
}
