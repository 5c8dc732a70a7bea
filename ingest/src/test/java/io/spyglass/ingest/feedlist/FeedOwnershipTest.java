package io.spyglass.ingest.feedlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedOwnershipTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://a.example.com/feed", "https://therecord.media/feed", "http://127.0.0.1:8080/feed7"})
    void ownsAFeedByThePartitionItsStatusRecordsGoTo(String url) {
        for (int partitions = 1; partitions <= 12; partitions++) {
            assertThat(FeedOwnership.partition(URI.create(url), partitions))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(url.getBytes(StandardCharsets.UTF_8), partitions));
        }
    }
}
