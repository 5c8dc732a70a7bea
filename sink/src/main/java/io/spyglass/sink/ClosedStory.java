package io.spyglass.sink;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the sink keeps of a story that closed: its last version, so a story started again under its id goes on from
 * it, and when it closed (record time), so the entry can be forgotten once the espionage topic no longer holds the
 * story either.
 *
 * @param version  the story's last version, at least 1
 * @param closedAt epoch milliseconds of the stream time it closed at
 */
record ClosedStory(int version, long closedAt) {

    /** 12 bytes: the version, then the time. */
    static final class Serde implements org.apache.kafka.common.serialization.Serde<ClosedStory> {
        @Override
        public Serializer<ClosedStory> serializer() {
            return (topic, c) -> c == null ? null : ByteBuffer.allocate(12).putInt(c.version()).putLong(c.closedAt()).array();
        }

        @Override
        public Deserializer<ClosedStory> deserializer() {
            return (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                if (bytes.length != 12) {
                    // only this serde writes the store: anything else is a bug, not a record to skip
                    throw new SerializationException("a closed story is 12 bytes, not " + bytes.length);
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                return new ClosedStory(b.getInt(), b.getLong());
            };
        }
    }
}
