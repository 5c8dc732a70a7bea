package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HostThrottleTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:00:00Z");

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(HostThrottle.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HostThrottle.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
        assertThat(HostThrottle.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(28));
        assertThat(HostThrottle.retryAfter("Wed, 21 Oct 2015 06:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(HostThrottle.retryAfter("99999999", NOW)).isEqualTo(Duration.ofHours(6));
        assertThat(HostThrottle.retryAfter("soon", NOW)).isNull();
        assertThat(HostThrottle.retryAfter(null, NOW)).isNull();
    }

    @Test
    void backsOffExponentiallyUpToSixHours() {
        assertThat(HostThrottle.exponential(0)).isEqualTo(Duration.ZERO);
        assertThat(HostThrottle.exponential(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HostThrottle.exponential(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(HostThrottle.exponential(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HostThrottle.exponential(30)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void refusesABackedOffHostWithoutWaiting() {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO);
        throttle.backOff("News.Example.com", Duration.ofMinutes(5));

        FetchException e = assertThrows(FetchException.class, () -> throttle.acquire("news.example.com"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).startsWith("host news.example.com asked us to wait; backing off for another ");
        assertThat(throttle.backedOff("other.example.com")).isZero();
    }

    @Test
    void honoursAZeroRetryAfterOnceButBacksOffWhenRefusedAgain() throws Exception {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO);

        throttle.backOff("a.example.com", Duration.ZERO);
        assertThat(throttle.backedOff("a.example.com")).isZero();
        throttle.backOff("a.example.com", Duration.ZERO);
        assertThat(throttle.backedOff("a.example.com")).isPositive();

        throttle.succeeded("b.example.com");
        throttle.backOff("b.example.com", null);
        assertThat(throttle.backedOff("b.example.com")).isPositive();
    }

    @Test
    void aSuccessEndsTheStreak() throws Exception {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO);
        throttle.backOff("a.example.com", Duration.ZERO);
        throttle.succeeded("a.example.com");

        throttle.backOff("a.example.com", Duration.ZERO);

        assertThat(throttle.backedOff("a.example.com")).isZero();
    }

    @Test
    void letsOnlyTheConfiguredNumberOfRequestsToAHostRunAtOnce() throws Exception {
        HostThrottle throttle = new HostThrottle(1, Duration.ZERO);
        HostThrottle.Permit first = throttle.acquire("a.example.com");
        AtomicBoolean secondGotIn = new AtomicBoolean();
        Thread second = new Thread(() -> {
            try (HostThrottle.Permit p = throttle.acquire("a.example.com")) {
                secondGotIn.set(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        try (HostThrottle.Permit other = throttle.acquire("b.example.com")) {
            assertThat(other).isNotNull();
        }

        await().until(() -> second.getState() == Thread.State.WAITING);
        assertThat(secondGotIn).isFalse();
        first.close();
        second.join(5_000);

        assertThat(secondGotIn).isTrue();
    }

    @Test
    void refusesAConcurrencyBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HostThrottle(0, Duration.ZERO));

        assertThat(e.getMessage()).isEqualTo("concurrency must be at least 1: 0");
    }
}
