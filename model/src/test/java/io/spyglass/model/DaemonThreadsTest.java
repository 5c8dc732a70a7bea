package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    @Test
    void namedThreadsAreDaemonsWithTheOneName() {
        ThreadFactory f = DaemonThreads.named("spyglass-test");

        Thread a = f.newThread(() -> { });
        Thread b = f.newThread(() -> { });

        assertThat(a.isDaemon()).isTrue();
        assertThat(a.getName()).isEqualTo("spyglass-test");
        assertThat(b.getName()).isEqualTo("spyglass-test");
    }

    @Test
    void numberedThreadsCountFromOne() {
        ThreadFactory f = DaemonThreads.numbered("pool-");

        assertThat(f.newThread(() -> { }).getName()).isEqualTo("pool-1");
        Thread second = f.newThread(() -> { });
        assertThat(second.getName()).isEqualTo("pool-2");
        assertThat(second.isDaemon()).isTrue();
    }
}
