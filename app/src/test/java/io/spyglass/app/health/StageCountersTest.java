package io.spyglass.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.model.FeedStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageCountersTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void givesEachFeedItsHealthAsGaugesLabelledWithItsUrl() {
        FeedStatus healthy = new FeedStatus(1, "https://a.example/feed", T0, T0, 200, 20, 0, null, null,
                T0.minusSeconds(3600), T0.minusSeconds(600), null);
        FeedStatus failing = new FeedStatus(1, "https://b.example/feed?x=\"q\"", T0, null, 503, 0, 4, "HTTP_STATUS", "HTTP 503",
                null, null, null);

        PrometheusScrape scrape = PrometheusScrape.parse(PrometheusText.render(StageCounters.feeds(List.of(healthy, failing))));

        assertThat(scrape.types()).containsEntry("spyglass_feed_consecutive_failures", "gauge");
        assertThat(scrape.series()).containsEntry("spyglass_feed_consecutive_failures{feed=\"https://a.example/feed\"}", 0.0)
                .containsEntry("spyglass_feed_consecutive_failures{feed=\"https://b.example/feed?x=\\\"q\\\"\"}", 4.0)
                .containsEntry("spyglass_feed_last_success_timestamp_seconds{feed=\"https://a.example/feed\"}", (double) T0.getEpochSecond())
                .containsEntry("spyglass_feed_newest_item_timestamp_seconds{feed=\"https://a.example/feed\"}",
                        (double) T0.minusSeconds(3600).getEpochSecond())
                .containsEntry("spyglass_feed_last_new_article_timestamp_seconds{feed=\"https://a.example/feed\"}",
                        (double) T0.minusSeconds(600).getEpochSecond());
        assertThat(scrape.series()).doesNotContainKey("spyglass_feed_last_success_timestamp_seconds{feed=\"https://b.example/feed?x=\\\"q\\\"\"}");
        assertThat(scrape.series()).hasSize(5);
    }

    @Test
    void hasNoFeedFamilyBeforeAnyFeedWasPolled() {
        assertThat(StageCounters.feeds(List.of())).isEmpty();
    }
}
