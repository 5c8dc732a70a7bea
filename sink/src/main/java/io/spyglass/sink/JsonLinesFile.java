package io.spyglass.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only JSON-lines file of records with a key (for stories: story id and version): each line is written
 * whole and synced, a torn last line from a crash is cut off on open, and a key already in the file is never
 * written again.
 */
public final class JsonLinesFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);
    private final Path path;
    private final FileChannel channel;
    private final Set<String> written = new HashSet<>();
    private final Function<JsonNode, String> keyOf;

    private JsonLinesFile(Path path, FileChannel channel, Function<JsonNode, String> keyOf) {
        this.path = path;
        this.channel = channel;
        this.keyOf = keyOf;
    }

    /** The key of a story line: its story id and version, e.g. {@code 3f2a...@2}; null for other JSON. */
    public static String storyKey(JsonNode story) {
        JsonNode id = story.get("storyId");
        JsonNode version = story.get("version");
        return id == null || version == null ? null : id.asText() + "@" + version.asInt();
    }

    /**
     * Opens (or creates) {@code path}, reading the keys of the lines already in it.
     *
     * @param keyOf the key of a line, or null for a line without one
     */
    public static JsonLinesFile open(Path path, Function<JsonNode, String> keyOf) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        JsonLinesFile file = new JsonLinesFile(path, channel, keyOf);
        file.recover();
        return file;
    }

    private void recover() throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            LOG.warn("{}: cut off a partial last line of {} bytes left by an interrupted write", path, bytes.length - end);
            channel.truncate(end);
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                String key = keyOf.apply(Json.MAPPER.readTree(line));
                if (key != null) {
                    written.add(key);
                }
            } catch (IOException e) {
                LOG.warn("{}: line {} is not JSON; left as it is", path, lineNumber);
            }
        }
        channel.position(end);
    }

    /** True if a record with this key is already in the file. */
    public boolean contains(String key) {
        return written.contains(key);
    }

    /**
     * Appends {@code json} as one line unless its key is already in the file; returns whether it wrote.
     * The line is on disk when this returns.
     */
    public boolean append(String key, byte[] json) throws IOException {
        if (written.contains(key)) {
            return false;
        }
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(false);
        written.add(key);
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
