package io.spyglass.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@link Retag} over mock clients: which failures are an article's, which the run's. */
class RetagTest {
    private static final Topics TOPICS = Topics.defaults();
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final TopicPartition PARTITION = new TopicPartition(TOPICS.articles(), 0);
    private final JsonSerde<Article> articles = new JsonSerde<>(Article.class);
    private final JsonSerde<EnrichedArticle> enriched = new JsonSerde<>(EnrichedArticle.class);
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
            new ByteArraySerializer());

    private void retained(byte[]... values) {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPICS.articles(), List.of(new PartitionInfo(TOPICS.articles(), 0, node,
                new Node[] {node}, new Node[] {node})));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) values.length));
        // records are added once the run has assigned the partition, as a broker would hand them out
        consumer.schedulePollTask(() -> {
            for (int i = 0; i < values.length; i++) {
                consumer.addRecord(new ConsumerRecord<>(TOPICS.articles(), 0, i, "k" + i, values[i]));
            }
        });
    }

    private byte[] article(String id, int schemaVersion, String text) {
        return articles.serializer().serialize(TOPICS.articles(), new Article(schemaVersion, id,
                "https://news.example/" + id, "Budget passes", NOW, new FeedRef("https://news.example/feed", null), text,
                ExtractionOutcome.FULL, "en", List.of(), NOW));
    }

    @Test
    void skipsPoisonArticlesAndRetagsTheRest() {
        retained(article("good", 1, "The parliament passed the budget on Tuesday."),
                "{not json".getBytes(StandardCharsets.UTF_8), article("v2", 2, "Text."),
                new byte[EnrichTopology.MAX_RECORD_BYTES + 1]);

        Retag.Result result = Retag.run(consumer, producer, TOPICS, Tagger.loadDefault());

        assertThat(result).isEqualTo(new Retag.Result(1, 0, 3));
        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key)
                .containsExactly(tuple(TOPICS.enriched(), "good"));
        assertThat(enriched.deserializer().deserialize(TOPICS.enriched(), producer.history().get(0).value()).article().id())
                .isEqualTo("good");
        assertThat(producer.transactionCommitted()).isTrue();
    }

    @Test
    void failsTheRunWhenTheBrokerFailsInsteadOfSkipping() {
        retained(article("good", 1, "The parliament passed the budget on Tuesday."));
        TimeoutException brokerDown = new TimeoutException("broker unreachable");
        producer.commitTransactionException = brokerDown;

        assertThatThrownBy(() -> Retag.run(consumer, producer, TOPICS, Tagger.loadDefault())).isSameAs(brokerDown);
        assertThat(producer.transactionCommitted()).isFalse();
    }
}
