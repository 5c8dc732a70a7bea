package io.spyglass.enrich;

import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.PoisonRecordException;
import io.spyglass.model.RecordReader;
import io.spyglass.model.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs a tagger over every article retained on the articles topic, up to its end when the run starts, and writes
 * each again to the enriched topic with the tagger's version in {@code tags.tagger}. Each poll's records go out in one
 * transaction; a run that fails part-way writes again, when repeated, what it had written.
 */
public final class Retag {
    private static final Logger LOG = LoggerFactory.getLogger(Retag.class);

    /** What a run did. */
    public record Result(long retagged, long espionage, long skipped) {
    }

    private Retag() {
    }

    /**
     * @param clientConfig    Kafka client settings (bootstrap servers, security)
     * @param transactionalId unique per concurrent run
     */
    public static Result run(Map<String, Object> clientConfig, Topics topics, Tagger tagger, String transactionalId) {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
            return run(consumer, producer, topics, tagger);
        }
    }

    /**
     * The run over given clients (the producer transactional). A poison article is skipped with its reason logged;
     * a failure of either client stops the run.
     */
    static Result run(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Topics topics, Tagger tagger) {
        RecordReader<Article> in = EnrichTopology.articleReader();
        JsonSerde<EnrichedArticle> out = new JsonSerde<>(EnrichedArticle.class);
        long retagged = 0;
        long espionage = 0;
        long skipped = 0;
        List<TopicPartition> partitions = consumer.partitionsFor(topics.articles(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        producer.initTransactions();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                continue;
            }
            producer.beginTransaction();
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                    continue;
                }
                EnrichedArticle enriched;
                try {
                    Article a = in.read(r.value());
                    Tagger.Tagging tagging = RecordReader.poisonOnFailure(
                            () -> tagger.tagDetecting(a.title(), a.text(), a.language()));
                    enriched = EnrichedArticle.of(a, tagging.language(), tagging.tags());
                } catch (PoisonRecordException e) {
                    // enrich dead-lettered these when they arrived; once is enough
                    LOG.warn("Skipped {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.reason());
                    skipped++;
                    continue;
                }
                producer.send(new ProducerRecord<>(topics.enriched(), null, enriched.article().id(),
                        out.serializer().serialize(topics.enriched(), enriched), enriched.headers()));
                retagged++;
                if (enriched.tags().espionage()) {
                    espionage++;
                }
            }
            producer.commitTransaction();
        }
        LOG.info("Retagged {} articles with {} ({} espionage, {} skipped)", retagged, tagger.version(), espionage, skipped);
        return new Result(retagged, espionage, skipped);
    }
}
