package io.spyglass.sink;

import io.spyglass.model.Json;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Story;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state store's serde of open stories, writing the same JSON as {@code JsonSerde<OpenStory>}, and the JSON of the
 * stories themselves for the output topic: a story is written to JSON once, for the store and the topic both (the
 * story is most of an open story's bytes, up to a few hundred KB).
 */
final class OpenStorySerde implements Serde<OpenStory> {
    private static final byte[] STORY = "{\"story\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINGERPRINTS = ",\"fingerprints\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPDATED = ",\"updated\":".getBytes(StandardCharsets.UTF_8);
    private final JsonSerde<OpenStory> json = new JsonSerde<>(OpenStory.class);
    private Story lastStory;
    private byte[] lastJson;

    /** The story's JSON, as {@code JsonSerde<Story>} writes it; the same array again for the same story instance. */
    synchronized byte[] storyJson(Story story) {
        if (story != lastStory) {
            try {
                lastJson = Json.MAPPER.writeValueAsBytes(story);
            } catch (IOException e) {
                throw new SerializationException("Cannot write story " + story.storyId(), e);
            }
            lastStory = story;
        }
        return lastJson;
    }

    @Override
    public Serializer<OpenStory> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            byte[] story = storyJson(value.story());
            try {
                byte[] fingerprints = Json.MAPPER.writeValueAsBytes(value.fingerprints());
                byte[] updated = Json.MAPPER.writeValueAsBytes(value.updated());
                ByteArrayOutputStream out = new ByteArrayOutputStream(story.length + fingerprints.length + updated.length + 64);
                out.writeBytes(STORY);
                out.writeBytes(story);
                out.writeBytes(FINGERPRINTS);
                out.writeBytes(fingerprints);
                out.writeBytes(UPDATED);
                out.writeBytes(updated);
                out.write('}');
                return out.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("Cannot write open story for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<OpenStory> deserializer() {
        return json.deserializer();
    }
}
