package io.spyglass.ingest.feedlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListWatcherTest {
    private static final Duration DEFAULT = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final List<List<FeedSource>> lists = new ArrayList<>();

    @Test
    void passesOnAnEditedList() throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, "feeds:\n  - https://a.example.com/feed\n");
        FeedListWatcher watcher = new FeedListWatcher(file, DEFAULT, lists::add);

        assertThat(watcher.check()).isFalse();
        Files.writeString(file, "feeds:\n  - https://a.example.com/feed\n  - https://b.example.com/feed\n");

        assertThat(watcher.check()).isTrue();
        assertThat(lists).containsExactly(List.of(
                new FeedSource(URI.create("https://a.example.com/feed"), null, DEFAULT),
                new FeedSource(URI.create("https://b.example.com/feed"), null, DEFAULT)));
        assertThat(watcher.check()).isFalse();
    }

    @Test
    void keepsTheOldListWhenAnEditIsBrokenAndTakesTheFix() throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, "feeds:\n  - https://a.example.com/feed\n");
        FeedListWatcher watcher = new FeedListWatcher(file, DEFAULT, lists::add);

        Files.writeString(file, "feeds:\n  - url: https://a.example.com/feed\n    interval: often\n");
        assertThat(watcher.check()).isFalse();
        Files.delete(file);
        assertThat(watcher.check()).isFalse();
        Files.writeString(file, "feeds:\n  - url: https://c.example.com/feed\n    interval: 1h\n");

        assertThat(watcher.check()).isTrue();
        assertThat(lists).containsExactly(List.of(new FeedSource(URI.create("https://c.example.com/feed"), null, Duration.ofHours(1))));
    }
}
