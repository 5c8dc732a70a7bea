package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spyglass.model.settings.ClusterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aStageWhoseStoriesFileCannotBeOpenedLeavesNoKafkaClientRunning(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file where a folder should be");
        // a port nothing listens on: the clients are built (and start their threads) without a broker
        ClusterSettings cluster = ClusterSettings.defaults().withBootstrapServers("127.0.0.1:9").withGroupPrefix("leak-test");
        List<String> before = kafkaThreads();

        assertThatThrownBy(() -> new SinkApp(cluster, new SinkSettings(notADirectory.resolve("stories.jsonl"),
                SinkSettings.defaults().webhooks()), dir.resolve("streams"), "test"))
                .isInstanceOf(IOException.class);

        // close() returns once the clients are shut; their threads may take a moment more to end
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kafkaThreads()).isEqualTo(before));
    }

    /** Threads of Kafka clients: the admin, producer and consumer network threads and the Streams threads. */
    private static List<String> kafkaThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains("kafka") || n.contains("leak-test")).sorted().toList();
    }
}
