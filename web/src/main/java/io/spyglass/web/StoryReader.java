package io.spyglass.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one story version back from the espionage topic at the position the {@link StoryIndex} holds, so that the
 * page's story detail (sources, texts, evidence) needs no copy of every story in memory.
 */
public final class StoryReader implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public StoryReader(Map<String, Object> kafka, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(TopicFollower.consumerConfig(kafka, "spyglass-web-reader"));
    }

    /** The record's JSON at {@code position}, or empty when compaction removed it or it cannot be read in time. */
    public synchronized Optional<byte[]> read(StoryIndex.Position position) {
        TopicPartition tp = new TopicPartition(topic, position.partition());
        consumer.assign(List.of(tp));
        consumer.seek(tp, position.offset());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() == position.offset()) {
                    return Optional.ofNullable(r.value());
                }
                if (r.offset() > position.offset()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
