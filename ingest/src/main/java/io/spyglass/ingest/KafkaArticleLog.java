package io.spyglass.ingest;

import io.spyglass.model.Article;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ArticleLog} on Kafka: each article and its "seen" mark, which carries the item's {@link ItemState}, are
 * written in one transaction; the marks are read back from the compacted seen topic at start-up and then followed, so
 * neither a restart nor another instance makes an item fetched twice or forgets which revision it is at.
 */
public final class KafkaArticleLog implements ArticleLog {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaArticleLog.class);

    private final Map<String, Object> producerConfig;
    private final Topics topics;
    private final SeenIds seen = new SeenIds();
    private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean following = true;
    private Thread seenFollower;
    private KafkaConsumer<byte[], byte[]> follower;

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
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.seen(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                addSeen(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        LOG.info("Loaded {} seen item ids from {}", seen.size(), topics.seen());
        // other ingest instances keep producing ids (an article can be listed by feeds two instances own): follow them
        follower = consumer;
        seenFollower = new Thread(() -> followSeen(consumer), "spyglass-seen-follower");
        seenFollower.setDaemon(true);
        seenFollower.start();
    }

    private void followSeen(KafkaConsumer<byte[], byte[]> consumer) {
        try (consumer) {
            while (following) {
                addSeen(consumer.poll(Duration.ofSeconds(1)));
            }
        } catch (WakeupException e) {
            // close() ends the loop
        } catch (RuntimeException e) {
            LOG.warn("Stopped following {}: ids produced by other instances from now on are not known here: {}",
                    topics.seen(), e.toString());
        }
    }

    private void addSeen(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.key() != null) {
                seen.put(new String(r.key(), StandardCharsets.UTF_8), ItemState.fromBytes(r.value()));
            }
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(producerConfig);
        p.initTransactions();
        return p;
    }

    @Override
    public ItemState state(String id) {
        return seen.get(id);
    }

    @Override
    public synchronized void publish(Article article, ItemState state) throws PublishException {
        write(article.id(), article.url(), state, serde.serializer().serialize(topics.articles(), article));
    }

    @Override
    public synchronized void remember(String id, String url, ItemState state) throws PublishException {
        write(id, url, state, null);
    }

    /** Writes the seen mark, and the article when {@code article} is not null, in one transaction. */
    private void write(String id, String url, ItemState state, byte[] article) throws PublishException {
        try {
            producer.beginTransaction();
            if (article != null) {
                producer.send(new ProducerRecord<>(topics.articles(), id, article));
            }
            producer.send(new ProducerRecord<>(topics.seen(), id, state.toBytes(url)));
            producer.commitTransaction();
            seen.put(id, state);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // fatal for this producer: only a new one can go on
            producer.close(Duration.ZERO);
            producer = newProducer();
            throw new PublishException("Kafka refused the transaction for " + url + ": " + e.getMessage(), e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abort) {
                producer.close(Duration.ZERO);
                producer = newProducer();
            }
            throw new PublishException("could not write " + url + " to Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        following = false;
        follower.wakeup();
        try {
            seenFollower.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
