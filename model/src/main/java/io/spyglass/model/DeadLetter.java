package io.spyglass.model;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers a record carries on the dead-letter topic: what failed, and where the record came from. */
public final class DeadLetter {
    /** Major version of this header set, carried as {@link #SCHEMA_VERSION_HEADER}. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_VERSION_HEADER = "spyglass.schema.version";
    public static final String ERROR = "spyglass.error";
    public static final String STAGE = "spyglass.stage";
    public static final String SOURCE_TOPIC = "spyglass.source.topic";
    public static final String SOURCE_PARTITION = "spyglass.source.partition";
    public static final String SOURCE_OFFSET = "spyglass.source.offset";

    private DeadLetter() {
    }

    /** Headers for a record from {@code topic}/{@code partition}/{@code offset} that {@code stage} could not process. */
    public static Headers headers(String stage, String topic, int partition, long offset, String error) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SCHEMA_VERSION_HEADER, bytes(Integer.toString(SCHEMA_VERSION)));
        headers.add(ERROR, bytes(error == null ? "unknown error" : error));
        headers.add(STAGE, bytes(stage));
        headers.add(SOURCE_TOPIC, bytes(topic));
        headers.add(SOURCE_PARTITION, bytes(Integer.toString(partition)));
        headers.add(SOURCE_OFFSET, bytes(Long.toString(offset)));
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
