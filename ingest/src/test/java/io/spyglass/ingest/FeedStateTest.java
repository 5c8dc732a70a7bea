package io.spyglass.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.PollOutcome;
import io.spyglass.model.FeedStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedStateTest {
    private static final FeedSource FEED = new FeedSource(URI.create("https://a.example.com/feed"), null, Duration.ofMinutes(10));
    private static final Instant T0 = Instant.parse("2024-07-01T12:00:00Z");
    private static final Instant T1 = Instant.parse("2024-07-01T12:10:00Z");
    private static final CacheValidators V1 = new CacheValidators("\"v1\"", null);

    private static final Instant NEWEST = Instant.parse("2024-06-30T08:00:00Z");

    private static FeedPoll ok(int items, int published) {
        return ok(items, published, NEWEST);
    }

    private static FeedPoll ok(int items, int published, Instant newestItem) {
        return new FeedPoll(FEED, new PollOutcome.Polled(items, published, null, null), 200, 5, V1, newestItem, null);
    }

    private static FeedPoll notModified() {
        return new FeedPoll(FEED, new PollOutcome.NotModified(), 304, 5, V1, null, null);
    }

    private static FeedPoll failed(String kind, Duration retryAfter) {
        return new FeedPoll(FEED, new PollOutcome.Failed(PollOutcome.ErrorKind.valueOf(kind), "it broke", retryAfter), 0, 5,
                CacheValidators.NONE, null, null);
    }

    @Test
    void stretchesTheIntervalOfAQuietFeedUpToEightTimes() {
        FeedState s = FeedState.initial(FEED).after(notModified(), T0);
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(15));
        for (int i = 0; i < 10; i++) {
            s = s.after(ok(5, 0), T0);
        }
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void returnsToTheConfiguredIntervalWhenTheFeedHasNews() {
        FeedState quiet = new FeedState(V1, Duration.ofMinutes(80), null);

        assertThat(quiet.after(ok(5, 2), T0).interval()).isEqualTo(Duration.ofMinutes(40));
        assertThat(quiet.after(ok(5, 2), T0).after(ok(5, 1), T0).after(ok(5, 1), T0).after(ok(5, 1), T0).interval())
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void recordsHealthAfterASuccess() {
        FeedState s = FeedState.initial(FEED).after(ok(7, 3), T0);

        assertThat(s.status()).isEqualTo(new FeedStatus(1, "https://a.example.com/feed", T0, T0, 200, 7, 0, null, null, NEWEST, T0, null));
        assertThat(s.validators()).isEqualTo(V1);
    }

    @Test
    void countsConsecutiveFailuresAndKeepsTheLastSuccess() {
        FeedState s = FeedState.initial(FEED).after(ok(7, 3), T0).after(failed("TIMEOUT", null), T1).after(failed("DNS", null), T1);

        assertThat(s.status()).isEqualTo(new FeedStatus(1, "https://a.example.com/feed", T1, T0, 0, 7, 2, "DNS", "it broke", NEWEST, T0, null));
        assertThat(s.after(notModified(), T1).status().consecutiveFailures()).isZero();
    }

    @Test
    void keepsWhenTheFeedLastHadNewsThroughQuietPollsAndFailures() {
        Instant later = T1.plus(Duration.ofDays(40));
        FeedState s = FeedState.initial(FEED).after(ok(7, 3), T0).after(notModified(), T1).after(ok(7, 0), T1)
                .after(failed("TIMEOUT", null), later);

        assertThat(s.status().lastNewArticle()).isEqualTo(T0);
        assertThat(s.status().newestItem()).isEqualTo(NEWEST);
        assertThat(s.after(ok(8, 0, later), later).status().newestItem()).isEqualTo(later);
        assertThat(s.after(ok(8, 1, later), later).status().lastNewArticle()).isEqualTo(later);
        assertThat(FeedState.initial(FEED).after(ok(2, 0, null), T0).status().lastNewArticle()).isNull();
    }

    @Test
    void doublesTheDelayForEachConsecutiveFailureUpToADay() {
        FeedState s = FeedState.initial(FEED);
        assertThat(s.nextDelay(null)).isEqualTo(Duration.ofMinutes(10));
        s = s.after(failed("TIMEOUT", null), T0);
        assertThat(s.nextDelay(null)).isEqualTo(Duration.ofMinutes(10));
        s = s.after(failed("TIMEOUT", null), T0);
        assertThat(s.nextDelay(null)).isEqualTo(Duration.ofMinutes(20));
        s = s.after(failed("TIMEOUT", null), T0);
        assertThat(s.nextDelay(null)).isEqualTo(Duration.ofMinutes(40));
        for (int i = 0; i < 20; i++) {
            s = s.after(failed("TIMEOUT", null), T0);
        }
        assertThat(s.nextDelay(null)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void waitsAtLeastAsLongAsTheServerAsked() {
        FeedState s = FeedState.initial(FEED).after(failed("RATE_LIMITED", Duration.ofHours(2)), T0);

        assertThat(s.nextDelay(Duration.ofHours(2))).isEqualTo(Duration.ofHours(2));
        assertThat(s.nextDelay(Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.nextDelay(Duration.ofDays(3))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jittersByTenPercentEitherWay() {
        assertThat(FeedState.jitter(Duration.ofMinutes(10), 0.0)).isEqualTo(Duration.ofMinutes(9));
        assertThat(FeedState.jitter(Duration.ofMinutes(10), 0.5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(FeedState.jitter(Duration.ofMinutes(10), 0.75)).isEqualTo(Duration.ofSeconds(630));
    }
}
