package io.spyglass.sink;

import io.spyglass.model.DeadLetter;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Story;
import io.spyglass.sink.SinkStats.Count;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each new or updated story from the espionage topic to the configured webhooks: the story JSON to the JSON
 * endpoints, a short message to the Slack ones. Its own consumer group, so a slow or dead endpoint delays only the
 * webhooks, never the topic or the file. A story an endpoint refuses {@code maxAttempts} times goes to the
 * dead-letter topic, and the sink moves on. The offset is committed after each story, so a crash re-posts at most one
 * story; it carries the same {@code Idempotency-Key} ({@code storyId@version}) for the endpoint to drop.
 */
public final class WebhookSink extends StoryCopier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
    private final KafkaProducer<String, byte[]> deadLetters;
    private final WebhookDelivery delivery;
    private final WebhookSettings settings;
    private final String deadLetterTopic;
    private final SinkStats stats;
    private final JsonSerde<Story> serde = new JsonSerde<>(Story.class);

    /** @param clientConfig Kafka client settings (bootstrap servers, security) */
    public WebhookSink(Map<String, Object> clientConfig, String groupId, String topic, String deadLetterTopic,
                       WebhookSettings settings, String userAgent, SinkStats stats) {
        // one story per poll: its retries may take minutes, and the poll interval bounds the time between polls
        super(clientConfig, groupId, topic, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis()));
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.deadLetters = new KafkaProducer<>(producerConfig);
        this.delivery = new WebhookDelivery(settings, userAgent);
        this.settings = settings;
        this.deadLetterTopic = deadLetterTopic;
        this.stats = stats;
    }

    @Override
    void copy(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        for (ConsumerRecord<String, byte[]> r : records) {
            String error = deliver(r);
            if (error != null) {
                deadLetter(r, error);
            }
            consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
        }
    }

    @Override
    void release() {
        deadLetters.close();
    }

    /** Posts the story everywhere; returns null, or what failed. */
    private String deliver(ConsumerRecord<String, byte[]> r) throws InterruptedException {
        if (r.value() == null) {
            return null;
        }
        Story story;
        try {
            story = serde.deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        String key = story.storyId() + "@" + story.version();
        List<String> failures = new ArrayList<>();
        String json = new String(r.value(), StandardCharsets.UTF_8);
        for (URI url : settings.jsonUrls()) {
            String failure = delivery.post(url, json, key);
            if (failure != null) {
                failures.add(url + ": " + failure);
            }
        }
        String slack = WebhookMessages.slack(story);
        for (URI url : settings.slackUrls()) {
            String failure = delivery.post(url, slack, key);
            if (failure != null) {
                failures.add(url + ": " + failure);
            }
        }
        if (failures.isEmpty()) {
            stats.add(Count.WEBHOOK_POSTS);
            return null;
        }
        return "webhook gave up after " + settings.maxAttempts() + " attempts: " + String.join("; ", failures);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, String error) throws InterruptedException {
        LOG.warn("Dead-lettered {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), error);
        stats.add(Count.DEAD_LETTERED);
        try {
            deadLetters.send(new ProducerRecord<>(deadLetterTopic, null, r.key(), r.value(),
                    DeadLetter.headers("webhook", r.topic(), r.partition(), r.offset(), error))).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // not committing would re-post the story to the endpoints that took it; Kafka keeps it on the topic anyway
            LOG.error("Cannot write {}-{}@{} to {}: {}", r.topic(), r.partition(), r.offset(), deadLetterTopic, e.toString());
        }
    }

}
