package io.spyglass.ingest.log;

import io.spyglass.model.FeedStatus;
import io.spyglass.model.JsonSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link FeedStatusLog} on Kafka: one record per poll on the compacted feed-status topic, keyed by feed URL. */
public final class KafkaFeedStatusLog implements FeedStatusLog {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedStatusLog.class);

    private final String topic;
    private final KafkaProducer<String, FeedStatus> producer;

    /** @param clientConfig Kafka client settings (bootstrap servers, security) */
    public KafkaFeedStatusLog(Map<String, Object> clientConfig, String topic) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new JsonSerde<>(FeedStatus.class).serializer());
    }

    @Override
    public void record(FeedStatus status) {
        try {
            producer.send(new ProducerRecord<>(topic, status.url(), status), (metadata, e) -> {
                if (e != null) {
                    LOG.warn("Could not record the status of {} on {}: {}", status.url(), topic, e.getMessage());
                }
            });
        } catch (KafkaException e) {
            LOG.warn("Could not record the status of {} on {}: {}", status.url(), topic, e.getMessage());
        }
    }

    @Override
    public void forget(String url) {
        try {
            // a null value is a tombstone: compaction removes the key
            producer.send(new ProducerRecord<>(topic, url, null), (metadata, e) -> {
                if (e != null) {
                    LOG.warn("Could not drop the status of {} from {}: {}", url, topic, e.getMessage());
                }
            });
        } catch (KafkaException e) {
            LOG.warn("Could not drop the status of {} from {}: {}", url, topic, e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
