package io.spyglass.sink;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the story clustering compares of one espionage article.
 *
 * @param articleId  the article's id; never null
 * @param time       publication time, or fetch time when unknown; never null
 * @param simhash    64-bit SimHash of the text's word 3-shingles
 * @param shingles   how many shingles the text had; a SimHash of a few words says little
 * @param titleTerms lower-case title words without stop words; never null
 * @param actors     actor names; never null
 * @param attributed attributed country codes; never null
 * @param victims    victim country codes; never null
 * @param revision   the article's revision; 0 (stored before revisions existed) reads as 1
 */
public record Fingerprint(String articleId, Instant time, long simhash, int shingles, Set<String> titleTerms,
                          Set<String> actors, Set<String> attributed, Set<String> victims, int revision) {
    public Fingerprint {
        revision = Math.max(revision, 1);
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(time, "time");
        titleTerms = Set.copyOf(titleTerms);
        actors = Set.copyOf(actors);
        attributed = Set.copyOf(attributed);
        victims = Set.copyOf(victims);
    }
}
