package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
    private static WebhookSettings settings(int maxAttempts) {
        return WebhookSettings.defaults().withRetries(maxAttempts, Duration.ofMillis(500), Duration.ofMillis(10));
    }

    @Test
    void retriesAnEndpointThatFailsAndHangsUntilItRecovers() throws Exception {
        try (Endpoint endpoint = new Endpoint(500, Endpoint.HANG, 503)) {
            String failure = new WebhookDelivery(settings(5), "test").post(endpoint.url(), "{\"a\":1}", "s1@1");

            assertThat(failure).isNull();
            assertThat(endpoint.requests()).containsExactly("s1@1", "s1@1", "s1@1", "s1@1");
            assertThat(endpoint.accepted()).containsExactly("s1@1");
            assertThat(endpoint.bodies()).containsExactly("{\"a\":1}");
        }
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() throws Exception {
        try (Endpoint endpoint = new Endpoint(500, 502, 503, 504)) {
            String failure = new WebhookDelivery(settings(3), "test").post(endpoint.url(), "{}", "s1@2");

            assertThat(failure).isEqualTo("HTTP 503");
            assertThat(endpoint.requests()).hasSize(3);
            assertThat(endpoint.accepted()).isEmpty();
        }
    }

    @Test
    void countsAHangingEndpointAsAFailedAttempt() throws Exception {
        try (Endpoint endpoint = new Endpoint(Endpoint.HANG)) {
            String failure = new WebhookDelivery(settings(1), "test").post(endpoint.url(), "{}", "s1@1");

            assertThat(failure).isEqualTo("no answer within 500 ms");
        }
    }

    @Test
    void doublesTheWaitBetweenAttemptsUpToThirtySeconds() {
        WebhookSettings s = WebhookSettings.defaults().withRetries(10, Duration.ofSeconds(10), Duration.ofSeconds(1));

        assertThat(List.of(2, 3, 4, 5, 6, 7, 30)).extracting(s::delayBefore).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void refusesZeroAttempts() {
        var e = assertThrows(IllegalArgumentException.class, () -> settings(0));

        assertThat(e.getMessage()).isEqualTo("maxAttempts must be at least 1: 0");
    }
}
