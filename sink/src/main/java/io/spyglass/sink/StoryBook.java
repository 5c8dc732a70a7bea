package io.spyglass.sink;

import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink's story clustering without Kafka: the open stories held in memory, for placing a stream of articles in a
 * benchmark or a tool, as the sink's topology places them. Never expires stories; the caller gives them in
 * publication order.
 */
public final class StoryBook {
    private final StoryIndex index = new StoryIndex();
    private final Map<String, OpenStory> open = new HashMap<>();
    private final Map<String, Integer> closed = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();

    /** Places {@code article} as the sink would at record time {@code now}; returns the story versions it writes. */
    public List<Story> offer(EnrichedArticle article, Instant now) {
        StoryClusterer.Placement placement = StoryClusterer.place(StoryClusterer.decide(index, article), article, now,
                open::get, id -> closed.getOrDefault(id, 0));
        List<Story> written = new ArrayList<>();
        for (Story merged : placement.mergedAway()) {
            open.remove(merged.storyId());
            index.remove(merged.storyId());
            closed.put(merged.storyId(), merged.version());
            mergedInto.put(merged.storyId(), merged.mergedInto());
            written.add(merged);
        }
        for (OpenStory next : placement.open()) {
            String id = next.story().storyId();
            open.put(id, next);
            index.put(id, next.fingerprints(), next.updated());
            written.add(next.story());
        }
        return written;
    }

    /** The open story the article is a source of, or null when it is in none (or was only counted, not listed). */
    public Story storyOf(String articleId) {
        StoryIndex.Source source = index.source(articleId);
        return source == null ? null : open.get(source.storyId()).story();
    }

    /** The id a story now goes by: its own, or the id of the story it was merged into, followed to the end. */
    public String survivorOf(String storyId) {
        String id = storyId;
        while (mergedInto.containsKey(id)) {
            id = mergedInto.get(id);
        }
        return id;
    }
}
