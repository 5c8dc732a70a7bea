package io.spyglass.sink;

import io.spyglass.model.Story;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story the sink can still add sources to, as kept in its state store: the story as last emitted, the
 * fingerprints of its sources, and when (by record time) it last changed.
 *
 * @param story        the latest version; never null
 * @param fingerprints one per source, in the order of {@code story.sources()}; never null
 * @param updated      record timestamp of the latest change, for expiring stories nobody reports any more
 */
public record OpenStory(Story story, List<Fingerprint> fingerprints, Instant updated) {
    public OpenStory {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(updated, "updated");
        fingerprints = List.copyOf(fingerprints);
    }
}
