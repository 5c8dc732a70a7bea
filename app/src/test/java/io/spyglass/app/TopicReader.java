package io.spyglass.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every committed record of a topic, from the beginning to its current end. */
final class TopicReader {

    private TopicReader() {
    }

    /** Each record as {@code key -> value}, in partition then offset order. */
    static List<Map.Entry<String, String>> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed",
                "enable.auto.commit", false,
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(Map.entry(r.key() == null ? "" : r.key(), r.value() == null ? "" : r.value()));
                }
            }
        }
        return out;
    }

}
