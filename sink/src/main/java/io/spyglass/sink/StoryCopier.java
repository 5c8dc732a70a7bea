package io.spyglass.sink;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A sink that copies the story topic elsewhere (file, webhooks) in a consumer group of its own, which sees only
 * committed stories, starts at the oldest one when the group is new, and commits by hand once a story has been
 * delivered. {@link #run()} polls until {@link #close()}.
 */
abstract class StoryCopier implements Runnable, AutoCloseable {
    protected final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** @param overrides consumer settings of this copier on top of the shared ones */
    StoryCopier(Map<String, Object> clientConfig, String groupId, String topic, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putAll(overrides);
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
    }

    /** Delivers one poll's stories and commits what it delivered. */
    abstract void copy(ConsumerRecords<String, byte[]> records) throws InterruptedException;

    /** Releases what the copier holds besides its consumer; called once, when {@link #run()} ends. */
    abstract void release();

    @Override
    public final void run() {
        consumer.subscribe(List.of(topic));
        try {
            while (running.get()) {
                copy(consumer.poll(Duration.ofMillis(500)));
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            release();
        }
    }

    @Override
    public final void close() {
        running.set(false);
        consumer.wakeup();
    }
}
