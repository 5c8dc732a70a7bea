package io.spyglass.web;

import io.spyglass.model.FeedStatus;
import io.spyglass.model.Json;
import io.spyglass.model.Story;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the story and feed-status topics from their beginning and keeps following them, like any downstream
 * consumer, into a {@link StoryIndex} and a {@link FeedBoard}. It joins no consumer group and commits nothing: every
 * start rebuilds the view from the compacted topics. A record that cannot be read is logged and skipped.
 */
public final class TopicFollower implements AutoCloseable {
    /** Told of each change, on the follower's thread. */
    public interface Listener {
        void story(StorySummary summary);

        void feed(FeedStatus status);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    // How often partitions are looked up again: a topic created after start, or given more partitions.
    private static final long REASSIGN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Map<String, Object> kafka;
    private final String storiesTopic;
    private final String feedStatusTopic;
    private final StoryIndex index;
    private final FeedBoard feeds;
    private final Listener listener;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;

    public TopicFollower(Map<String, Object> kafka, String storiesTopic, String feedStatusTopic, StoryIndex index,
                         FeedBoard feeds, Listener listener) {
        this.kafka = Map.copyOf(kafka);
        this.storiesTopic = storiesTopic;
        this.feedStatusTopic = feedStatusTopic;
        this.index = index;
        this.feeds = feeds;
        this.listener = listener;
        this.thread = new Thread(this::run, "spyglass-web-follower");
        this.thread.setDaemon(true);
    }

    /** Consumer settings of a reader that joins no group: the cluster's, and byte values. */
    static Map<String, Object> consumerConfig(Map<String, Object> kafka, String clientId) {
        Map<String, Object> c = new HashMap<>(kafka);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return c;
    }

    public void start() {
        thread.start();
    }

    /** Waits until every record on the topics when reading began has been read; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records read so far. */
    public long read() {
        return read.get();
    }

    /** Records that could not be read and were skipped. */
    public long skipped() {
        return skipped.get();
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig(kafka, "spyglass-web"))) {
            consumer = c;
            Set<TopicPartition> assigned = new HashSet<>();
            Map<TopicPartition, Long> startEnds = null;
            long lastAssign = 0;
            while (running) {
                if (assigned.isEmpty() || System.nanoTime() - lastAssign > REASSIGN_NANOS) {
                    lastAssign = System.nanoTime();
                    assigned = assign(c, assigned);
                    if (startEnds == null && !assigned.isEmpty()) {
                        startEnds = c.endOffsets(assigned);
                    }
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    handle(r);
                }
                if (caughtUp.getCount() > 0 && startEnds != null && reached(c, startEnds)) {
                    LOG.info("Web view: read {} records, {} stories held", read.get(), index.size());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Web view: reading {} and {} failed; the page stops updating: {}", storiesTopic,
                    feedStatusTopic, e.toString(), e);
        }
    }

    private Set<TopicPartition> assign(KafkaConsumer<byte[], byte[]> c, Set<TopicPartition> assigned) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : List.of(storiesTopic, feedStatusTopic)) {
            List<PartitionInfo> partitions = c.partitionsFor(topic);
            if (partitions != null) {
                partitions.forEach(p -> all.add(new TopicPartition(topic, p.partition())));
            }
        }
        if (all.equals(assigned)) {
            return assigned;
        }
        if (all.isEmpty()) {
            LOG.info("Web view: waiting for topics {} and {}", storiesTopic, feedStatusTopic);
            return all;
        }
        List<TopicPartition> added = new ArrayList<>(all);
        added.removeAll(assigned);
        c.assign(all);
        c.seekToBeginning(added);
        return all;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    void handle(ConsumerRecord<byte[], byte[]> r) {
        read.incrementAndGet();
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            if (r.topic().equals(storiesTopic)) {
                if (r.value() == null) {
                    if (key != null) {
                        index.remove(key);
                    }
                    return;
                }
                Story story = Json.MAPPER.readValue(r.value(), Story.class);
                index.apply(story, new StoryIndex.Position(r.partition(), r.offset())).ifPresent(listener::story);
            } else {
                if (r.value() == null) {
                    if (key != null) {
                        feeds.remove(key);
                    }
                    return;
                }
                FeedStatus status = Json.MAPPER.readValue(r.value(), FeedStatus.class);
                if (feeds.apply(status)) {
                    listener.feed(status);
                }
            }
        } catch (IOException | RuntimeException e) {
            long n = skipped.incrementAndGet();
            LOG.warn("Web view: skipped unreadable record {}-{}@{} ({} so far): {}", r.topic(), r.partition(),
                    r.offset(), n, e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
