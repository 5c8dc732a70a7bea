package io.spyglass.ingest.feedlist;

import io.spyglass.model.DaemonThreads;
import io.spyglass.model.FeedStatus;
import io.spyglass.model.JsonSerde;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the feed list between running ingest instances through a Kafka consumer group: the instances subscribe to the
 * feed-status topic in one group, and each polls the feeds whose URL the default partitioner maps to a partition it
 * was assigned, so a feed's status records also land in its owner's partition. When an instance stops, the group
 * rebalances and the others take its feeds over. On each assignment the partitions' status records are read and handed
 * on before the feeds start, so the new owner continues each feed's health record rather than starting it afresh.
 */
public final class FeedOwnership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedOwnership.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    /** Reads the status records of newly assigned partitions; outside the group, so it never joins it. */
    private final KafkaConsumer<String, byte[]> reader;
    private final JsonSerde<FeedStatus> serde = new JsonSerde<>(FeedStatus.class);
    private final String topic;
    private final Consumer<FeedOwnership> onChange;
    private final Consumer<FeedStatus> onStatus;
    private final Set<Integer> owned = new HashSet<>();
    private final Thread thread;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile int partitions;

    /**
     * @param clientConfig Kafka client settings (bootstrap servers, security)
     * @param groupId      the group every instance sharing one feed list joins
     * @param onChange     called, on the group's thread, whenever this instance's share changes
     * @param onStatus     receives, on the group's thread, the latest status records of each partition this instance is given
     */
    public FeedOwnership(Map<String, Object> clientConfig, String topic, String groupId, Consumer<FeedOwnership> onChange,
                         Consumer<FeedStatus> onStatus) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.onStatus = Objects.requireNonNull(onStatus, "onStatus");
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.reader = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // only membership matters to the group consumer, not the records
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "spyglass-feed-ownership");
        thread.setDaemon(true);
    }

    /** Completes with the cause when ownership stopped for good: the instance then owns no feed until restarted. */
    public CompletableFuture<Throwable> failure() {
        return failure;
    }

    /** Joins the group; the first share arrives through {@code onChange}. */
    public void start() {
        thread.start();
    }

    /** The partition the default Kafka partitioner gives a record keyed by {@code feedUrl}. */
    public static int partition(URI feedUrl, int partitions) {
        return Utils.toPositive(Utils.murmur2(feedUrl.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** True if this instance polls {@code feed} now. */
    public synchronized boolean owns(FeedSource feed) {
        return partitions > 0 && owned.contains(partition(feed.url(), partitions));
    }

    private void run() {
        try {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).size();
            if (partitions == 0) {
                throw new IllegalStateException("topic " + topic + " does not exist, so no feed can be assigned: create it "
                        + "(every spyglass command that starts ingest does) and restart");
            }
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                    change(revoked, false);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                    // before the feeds start, so that their first poll continues their health record
                    readStatuses(assigned);
                    change(assigned, true);
                }
            });
            while (running) {
                consumer.poll(Duration.ofMillis(500));
            }
        } catch (WakeupException e) {
            // close() ends the loop
        } catch (RuntimeException e) {
            LOG.error("Feed ownership stopped: this instance polls no feeds until restarted", e);
            synchronized (this) {
                owned.clear();
            }
            onChange.accept(this);
            failure.complete(e);
        } finally {
            consumer.close();
            reader.close();
        }
    }

    /** Hands on the status records of {@code parts}: the topic is compacted, so from the start it holds each feed's latest. */
    private void readStatuses(Collection<TopicPartition> parts) {
        if (parts.isEmpty()) {
            return;
        }
        reader.assign(parts);
        reader.seekToBeginning(parts);
        Map<TopicPartition, Long> end = reader.endOffsets(parts);
        while (parts.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                resume(r);
            }
        }
    }

    /** Hands a status record on; a bad one is skipped, as it must not end this instance's share of the work. */
    private void resume(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            onStatus.accept(serde.deserializer().deserialize(topic, r.value()));
        } catch (RuntimeException e) {
            LOG.warn("Skipped status record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private void change(Collection<TopicPartition> parts, boolean add) {
        if (parts.isEmpty()) {
            return;
        }
        synchronized (this) {
            parts.forEach(p -> {
                if (add) {
                    owned.add(p.partition());
                } else {
                    owned.remove(p.partition());
                }
            });
            LOG.info("This instance now owns partitions {} of {}", owned, topic);
        }
        onChange.accept(this);
    }

    /** Leaves the group, so the other instances take this one's feeds over at once. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        DaemonThreads.join(thread, Duration.ofSeconds(30));
    }
}
