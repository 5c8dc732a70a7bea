package io.spyglass.ingest;

import io.spyglass.model.Article;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ArticleLog} on Kafka: each article and its "seen" mark are written in one transaction, and the
 * seen ids are read back from the compacted seen topic at start-up, so restarts never fetch an item twice.
 */
public final class KafkaArticleLog implements ArticleLog {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaArticleLog.class);

    private final Map<String, Object> producerConfig;
    private final Topics topics;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param clientConfig    Kafka client settings shared by the producer and the start-up reader (bootstrap servers, security)
     * @param transactionalId unique per running ingest instance
     */
    public KafkaArticleLog(Map<String, Object> clientConfig, Topics topics, String transactionalId) {
        this.topics = topics;
        this.producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArraySerializer.class);
        loadSeen(clientConfig);
        producer = newProducer();
    }

    private void loadSeen(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.seen(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null) {
                        seen.add(new String(r.key(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        LOG.info("Loaded {} seen item ids from {}", seen.size(), topics.seen());
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(producerConfig);
        p.initTransactions();
        return p;
    }

    @Override
    public boolean seen(String id) {
        return seen.contains(id);
    }

    @Override
    public synchronized void publish(Article article) throws PublishException {
        byte[] value = serde.serializer().serialize(topics.articles(), article);
        try {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.articles(), article.id(), value));
            producer.send(new ProducerRecord<>(topics.seen(), article.id(), article.url().getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
            seen.add(article.id());
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // fatal for this producer: only a new one can go on
            producer.close(Duration.ZERO);
            producer = newProducer();
            throw new PublishException("Kafka refused the transaction for " + article.url() + ": " + e.getMessage(), e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abort) {
                producer.close(Duration.ZERO);
                producer = newProducer();
            }
            throw new PublishException("could not write " + article.url() + " to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
