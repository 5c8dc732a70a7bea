package io.spyglass.ingest.log;

import io.spyglass.ingest.seen.ItemState;
import io.spyglass.ingest.seen.SeenIds;
import io.spyglass.model.Article;
import io.spyglass.model.DaemonThreads;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
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
    private static final Duration REPAIR_FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration REPAIR_MAX_PAUSE = Duration.ofSeconds(30);

    private final Map<String, Object> producerConfig;
    private final Topics topics;
    private final SeenIds seen = new SeenIds();
    /** How long a mark lasts on the seen topic (its {@code retention.ms}) and here, unless written again. */
    private final Duration retention;
    /** How often the marks past the retention are dropped from memory, as the broker drops them from the topic. */
    private static final Duration FORGET_EVERY = Duration.ofHours(1);
    private long nextForget;
    private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);
    /** Null while a failed producer is being replaced. */
    private KafkaProducer<String, byte[]> producer;
    /** Why writes fail now, or null while they succeed. */
    private volatile String problem;
    private volatile boolean closed;
    private final ExecutorService repairer = Executors.newSingleThreadExecutor(DaemonThreads.named("spyglass-producer-repair"));
    private volatile boolean following = true;
    private Thread seenFollower;
    private KafkaConsumer<byte[], byte[]> follower;

    /**
     * @param clientConfig    Kafka client settings shared by the producer and the start-up reader (bootstrap servers, security)
     * @param transactionalId unique per running ingest instance
     * @param seenRetention   how long a seen mark lasts unless written again: marks older than it are neither loaded
     *                        nor kept, and the mark of an item met after half of it is written again ({@link #aging})
     */
    public KafkaArticleLog(Map<String, Object> clientConfig, Topics topics, String transactionalId, Duration seenRetention) {
        this.topics = topics;
        this.retention = java.util.Objects.requireNonNull(seenRetention, "seenRetention");
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
                forgetExpired();
            }
        } catch (WakeupException e) {
            // close() ends the loop
        } catch (RuntimeException e) {
            LOG.warn("Stopped following {}: ids produced by other instances from now on are not known here: {}",
                    topics.seen(), e.toString());
        }
    }

    private void addSeen(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        long cut = System.currentTimeMillis() - retention.toMillis();
        int foreign = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            // a mark past the retention may still be on the topic until the broker deletes its segment: it is gone all the same
            if (r.key() != null && r.timestamp() >= cut) {
                ItemState state = ItemState.fromBytes(r.value());
                if (state == null) {
                    foreign++;
                } else {
                    seen.put(new String(r.key(), StandardCharsets.UTF_8), state, r.timestamp());
                }
            }
        }
        if (foreign > 0) {
            LOG.warn("Skipped {} records on {} that are no seen marks of this version (another writer on the topic?); "
                    + "their items are fetched as new", foreign, topics.seen());
        }
    }

    /** Now and then, drops the marks written longer than the retention ago. */
    private void forgetExpired() {
        long now = System.currentTimeMillis();
        if (now < nextForget) {
            return;
        }
        nextForget = now + FORGET_EVERY.toMillis();
        int forgotten = seen.forgetBefore(now - retention.toMillis());
        if (forgotten > 0) {
            LOG.info("Forgot {} seen marks not written again within {} (retention.seen); {} remain", forgotten, retention,
                    seen.size());
        }
    }

    @Override
    public boolean aging(String id) {
        long written = seen.writtenAt(id);
        return written >= 0 && written < System.currentTimeMillis() - retention.toMillis() / 2;
    }

    /** Marks held in memory. */
    public int seenCount() {
        return seen.size();
    }

    private KafkaProducer<String, byte[]> newProducer() {
        KafkaProducer<String, byte[]> p = new KafkaProducer<>(producerConfig);
        try {
            p.initTransactions();
            return p;
        } catch (RuntimeException e) {
            p.close(Duration.ZERO);
            throw e;
        }
    }

    @Override
    public ItemState state(String id) {
        return seen.get(id);
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public void publish(Article article, ItemState state) throws PublishException {
        byte[] value = serde.serializer().serialize(topics.articles(), article);
        write(article.id(), article.url(), state, value);
    }

    @Override
    public void remember(String id, String url, ItemState state) throws PublishException {
        write(id, url, state, null);
    }

    /**
     * Writes the seen mark, and the article when {@code article} is not null, in one transaction. Any failure of the
     * producer or the transaction, whatever the client throws (a commit that timed out leaves the producer in a state
     * where it throws {@link IllegalStateException} at every later call), retires the producer: a new one is made in the
     * background, and until it is, writes fail at once with the reason, so the items stay unseen and are retried.
     */
    private void write(String id, String url, ItemState state, byte[] article) throws PublishException {
        synchronized (this) {
            if (producer == null) {
                throw new PublishException("could not write " + url + ": " + problem, null);
            }
            Future<RecordMetadata> sent = null;
            try {
                producer.beginTransaction();
                if (article != null) {
                    sent = producer.send(new ProducerRecord<>(topics.articles(), id, article));
                }
                producer.send(new ProducerRecord<>(topics.seen(), id, state.toBytes(url)));
                producer.commitTransaction();
                seen.put(id, state, System.currentTimeMillis());
                problem = null;
                return;
            } catch (RuntimeException e) {
                RecordTooLargeException tooLarge = tooLarge(sent, e);
                if (tooLarge != null) {
                    abortOrRetire(e);
                    throw new TooLargeException("Kafka refused the article " + url + " of " + article.length + " bytes as too large ("
                            + tooLarge.getClass().getSimpleName() + ": " + tooLarge.getMessage() + ")", tooLarge);
                }
                retire(e);
                throw new PublishException("could not write " + url + " to Kafka: " + e, e);
            }
        }
    }

    /** The {@link RecordTooLargeException} behind a failed transaction, from the article's send or the exception's causes. */
    private static RecordTooLargeException tooLarge(Future<RecordMetadata> sent, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException r) {
                return r;
            }
        }
        if (sent != null && sent.isDone()) {
            try {
                sent.get();
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof RecordTooLargeException r) {
                    return r;
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    /** After a record the broker or client refused for its size: abort, which leaves the producer usable, else retire it. */
    private void abortOrRetire(RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException abort) {
            retire(cause);
        }
    }

    /** Closes the producer and has a new one made in the background; writes fail at once until it is. */
    private void retire(RuntimeException cause) {
        problem = "Kafka cannot take writes (" + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + "); a new transactional producer is being started";
        LOG.warn("Transactional producer failed, replacing it: {}", cause.toString());
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debug("Closing the failed producer: {}", e.toString());
        }
        producer = null;
        repairer.execute(this::repair);
    }

    /** Makes a new producer, trying again with growing pauses while Kafka cannot be reached, until closed. */
    private void repair() {
        Duration pause = REPAIR_FIRST_PAUSE;
        while (!closed) {
            try {
                KafkaProducer<String, byte[]> fresh = newProducer();
                synchronized (this) {
                    if (closed) {
                        fresh.close(Duration.ZERO);
                        return;
                    }
                    producer = fresh;
                    problem = null;
                }
                LOG.info("New transactional producer ready; storing articles again");
                return;
            } catch (RuntimeException e) {
                problem = "Kafka cannot take writes: starting a new transactional producer failed (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "); trying again in " + pause.toSeconds() + " s";
                LOG.warn("{}", problem);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(REPAIR_MAX_PAUSE) > 0 ? REPAIR_MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        repairer.shutdownNow();
        following = false;
        follower.wakeup();
        DaemonThreads.join(seenFollower, Duration.ofSeconds(10));
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
            }
        }
    }
}
