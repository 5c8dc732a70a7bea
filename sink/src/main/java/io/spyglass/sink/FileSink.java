package io.spyglass.sink;

import io.spyglass.model.Json;
import io.spyglass.sink.SinkStats.Count;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the espionage topic into a JSON-lines file, one line per story version. Offsets are committed after the
 * lines are on disk, and the file skips (story id, version) pairs it already holds, so a crash between the two never
 * writes a story version twice.
 */
public final class FileSink extends StoryCopier {
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
    private final JsonLinesFile file;
    private final SinkStats stats;

    /** @param clientConfig Kafka client settings (bootstrap servers, security) */
    public FileSink(Map<String, Object> clientConfig, String groupId, String topic, Path path, SinkStats stats) throws IOException {
        super(clientConfig, groupId, topic, Map.of());
        try {
            this.file = JsonLinesFile.open(path, JsonLinesFile::storyKey);
        } catch (IOException e) {
            consumer.close();
            throw e;
        }
        this.stats = stats;
    }

    @Override
    void copy(ConsumerRecords<String, byte[]> records) {
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                String key = key(r);
                if (key != null && file.append(key, r.value())) {
                    stats.add(Count.FILE_LINES_WRITTEN);
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot write the stories file; the sink stage stops, to be restarted, and goes on from the last "
                    + "story written (Kafka keeps the rest): {}", e.getMessage());
            throw new UncheckedIOException(e);
        }
        if (!records.isEmpty()) {
            consumer.commitSync();
        }
    }

    @Override
    void release() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warn("Closing the stories file failed: {}", e.getMessage());
        }
    }

    /** The record's (story id, version) key, or null, logged, for a record that is no story. */
    private static String key(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            String key = JsonLinesFile.storyKey(Json.MAPPER.readTree(r.value()));
            if (key != null) {
                return key;
            }
        } catch (IOException e) {
            // reported below, like a record without story id
        }
        LOG.warn("Skipped {}-{}@{}: not a story record", r.topic(), r.partition(), r.offset());
        return null;
    }

}
