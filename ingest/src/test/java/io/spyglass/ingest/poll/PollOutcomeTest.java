package io.spyglass.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.CacheValidators;
import io.spyglass.ingest.fetch.FetchException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollOutcomeTest {

    @Test
    void givesEveryFetchFailureTheErrorClassOfItsName() {
        // feed-status's errorClass is the name: a fetch failure must keep the one it always had
        for (FetchException.Kind kind : FetchException.Kind.values()) {
            assertThat(PollOutcome.ErrorKind.of(kind).name()).as(kind.name()).isEqualTo(kind.name());
        }
    }

    @Test
    void namesTheErrorClassOfACancelledPoll() {
        FeedSource feed = new FeedSource(URI.create("https://a.example/feed"), null, Duration.ofMinutes(10));
        FeedPoll poll = new FeedPoll(feed, new PollOutcome.Cancelled(7, 2, "stopped"), 200, 5, CacheValidators.NONE, null, null);
        assertThat(poll.status()).isEqualTo(FeedPoll.Status.ERROR);
        assertThat(poll.errorKind()).isEqualTo("CANCELLED");
        assertThat(poll.items()).isEqualTo(7);
        assertThat(poll.published()).isEqualTo(2);
        assertThat(poll.error()).isEqualTo("stopped");
        assertThat(poll.retryAfter()).isNull();
    }
}
