package io.spyglass.sink;

import io.spyglass.model.DeadLetter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sink's Streams does when Kafka refuses a record it writes: a record too large for the broker is logged,
 * dead-lettered (its first {@link #KEPT_BYTES} bytes, with headers that say why) and skipped, so one oversized story
 * cannot stop the stage, nor stop it again on every restart. Any other failure still fails the task: a broker or
 * authorisation problem is not the record's fault and must not be skipped. Stories are kept under their byte budget
 * ({@link StoryClusterer#MAX_STORY_BYTES}), so this is the last line, not the rule.
 */
public final class OversizedRecords implements ProductionExceptionHandler {
    /** Config key of the topic oversized records are dead-lettered to. */
    public static final String DEAD_LETTER_TOPIC = "spyglass.dead-letter.topic";
    static final int KEPT_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OversizedRecords.class);
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(DEAD_LETTER_TOPIC);
        if (topic == null) {
            throw new IllegalArgumentException(DEAD_LETTER_TOPIC + " must be set");
        }
        deadLetterTopic = topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        int size = record.value() == null ? 0 : record.value().length;
        String error = "record of " + size + " bytes for " + record.topic() + " refused by Kafka as too large ("
                + exception.getMessage() + "); its first " + Math.min(size, KEPT_BYTES) + " bytes are kept here";
        LOG.error("Skipped a record Kafka refused: {}", error);
        byte[] kept = record.value() == null ? null : Arrays.copyOf(record.value(), Math.min(size, KEPT_BYTES));
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(), kept,
                DeadLetter.headers("sink", record.topic(), record.partition() == null ? -1 : record.partition(), -1, error));
        return Response.resume(List.of(letter));
    }
}
