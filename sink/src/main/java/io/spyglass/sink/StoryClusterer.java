package io.spyglass.sink;

import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Story;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Groups espionage articles that report the same event into stories. Pure: the caller keeps the open stories.
 * Two articles report the same event when they were published within {@link Similarity#NEAR_WINDOW} of each other
 * and either their texts are near-duplicates (syndicated or lightly edited copies: SimHash of token 3-shingles),
 * their titles share most terms and they do not blame different states or name different victims, they name the
 * same actor or the same attributed state and victim and their titles share some terms, or, in any two languages,
 * they agree on enough of what every language writes alike ({@link Similarity#commonGround}). Up to {@link #WINDOW}
 * apart, only near-duplicate texts or firm common ground make one event. Titles and texts in Chinese, Japanese and
 * Korean are compared by character bigrams, as they have no spaces between words. Stories merge when an article
 * matches them firmly, and a lone report it matches only loosely joins when that report matches firmly what the
 * article and the story it joins name together.
 */
public final class StoryClusterer {
    /**
     * Stories stay open to new sources for this long around their sources' publication times; reports more than
     * {@link Similarity#NEAR_WINDOW} apart join only on firm common ground.
     */
    public static final Duration WINDOW = Duration.ofDays(7);
    /**
     * The most an open story (the story as written to {@code spyglass.espionage}, with its sources' fingerprints, as
     * kept in the state store) may take as JSON: well under Kafka's 1 MB default record limit whatever the sources'
     * language or number. Past it, a source's text is left out, then its evidence, then the source itself, which
     * the story then counts in {@link Story#omittedSources()}.
     */
    public static final int MAX_STORY_BYTES = 768 * 1024;
    /** UTF-8 bytes of text kept in a story across its sources; beyond it a source's text is null. */
    public static final int TEXT_BUDGET_BYTES = 128 * 1024;
    /** A source's title is cut to this many characters in the story (titles come from feeds and are unbounded). */
    public static final int MAX_TITLE_CHARS = 300;
    /** Evidence kept per source in a story; the article on {@code spyglass.enriched} has all of it. */
    public static final int MAX_EVIDENCE = 64;

    private StoryClusterer() {
    }

    /**
     * Where an article goes, decided on fingerprints alone so the caller need not read whole stories.
     *
     * @param fingerprint the article's
     * @param storyId     the open story it joins, or null for a new story
     * @param duplicate   true when an open story already has it, at this revision or a later one, as a source:
     *                    nothing to do; a later revision goes to the story that has the article
     * @param absorbed    further open stories the article shows to be the same event as {@code storyId}'s, to be
     *                    merged into it; {@code storyId} is the one of them first seen, so the id readers saw first
     *                    survives
     */
    public record Decision(Fingerprint fingerprint, String storyId, boolean duplicate, List<String> absorbed) {
        public Decision {
            absorbed = List.copyOf(absorbed);
        }
    }

    /**
     * What placing an article changes.
     *
     * @param open       the open stories to store and write, new versions, in order; empty when nothing changed
     * @param mergedAway the last versions of stories merged into another, to write and drop from the open ones
     */
    public record Placement(List<OpenStory> open, List<Story> mergedAway) {
        static final Placement NOTHING = new Placement(List.of(), List.of());
    }

    /**
     * Decides where {@code article} goes among the open stories: the story it matches best, a new one, or nowhere
     * when a story already has it; and which other stories it matches firmly enough to merge.
     */
    public static Decision decide(StoryIndex open, EnrichedArticle article) {
        Fingerprint f = Fingerprints.of(article);
        StoryIndex.Source same = open.source(f.articleId());
        if (same != null) {
            return new Decision(f, same.storyId(), f.revision() <= same.fingerprint().revision(), List.of());
        }
        String best = null;
        double bestScore = 0;
        Set<String> firm = new TreeSet<>();
        List<StoryIndex.Source> matched = new ArrayList<>();
        List<StoryIndex.Source> loose = new ArrayList<>();
        Map<String, Set<String>> storyActors = new HashMap<>();
        Collection<StoryIndex.Source> candidates = open.candidates(f);
        Set<String> ubiquitous = Similarity.ubiquitous(f, candidates);
        for (StoryIndex.Source candidate : candidates) {
            double score = Similarity.similarity(f, candidate.fingerprint(), ubiquitous);
            // a story about other actors is another event, though one of its sources, naming none, matches this one:
            // else reports that name no actor would chain the stories of every group of one state together
            if (score == 0 || Similarity.disjoint(f.actors(), storyActors.computeIfAbsent(candidate.storyId(), id -> actors(open, id)))) {
                continue;
            }
            matched.add(candidate);
            // ties go to the smaller story id, so the choice does not depend on the order the index was filled in
            if (score > bestScore || (score == bestScore && candidate.storyId().compareTo(best) < 0)) {
                best = candidate.storyId();
                bestScore = score;
            }
            if (Similarity.firm(f, candidate.fingerprint(), ubiquitous)) {
                firm.add(candidate.storyId());
            } else {
                loose.add(candidate);
            }
        }
        // a story of several sources is compared as what they name together too: a late report of an event that no one
        // source matches (each shares a few words with it, the story many)
        Set<String> seen = new HashSet<>();
        for (StoryIndex.Source candidate : candidates) {
            String story = candidate.storyId();
            if (!seen.add(story) || matched.stream().anyMatch(m -> m.storyId().equals(story))) {
                continue;
            }
            List<Fingerprint> sources = open.sources(story);
            if (sources.size() < 2 || Similarity.disjoint(f.actors(), storyActors.computeIfAbsent(story, id -> actors(open, id)))) {
                continue;
            }
            Fingerprint together = Similarity.story(f, sources);
            // on more common ground than a match of two reports needs: what many sources name together is wider
            double score = Similarity.commonGround(f, together, ubiquitous) > Similarity.COMMON_GROUND
                    ? Similarity.similarity(f, together, ubiquitous) : 0;
            if (score > bestScore || (score > 0 && score == bestScore && story.compareTo(best) < 0)) {
                best = story;
                bestScore = score;
            }
        }
        if (best == null) {
            return new Decision(f, null, false, List.of());
        }
        firm.add(best);
        // a lone report the article matches, but not firmly, is the same event when it matches firmly what the article
        // and the sources it matches in the story it joins name together: a report that came before the reports that
        // link it (the German report naming Pegasus, before the English ones that tag it and name NSO with it). Only a
        // lone one: the reports of a story that never matched this one firmly are another event that names the same
        // (a French APT31 advisory that mentions Pegasus)
        Fingerprint joined = null;
        for (StoryIndex.Source candidate : loose) {
            if (firm.contains(candidate.storyId()) || open.sources(candidate.storyId()).size() > 1) {
                continue;
            }
            if (joined == null) {
                String story = best;
                joined = Similarity.union(f, matched.stream().filter(m -> m.storyId().equals(story)).map(StoryIndex.Source::fingerprint).toList());
            }
            if (Similarity.firm(candidate.fingerprint(), joined, ubiquitous)) {
                firm.add(candidate.storyId());
            }
        }
        // only stories that do not name different actors merge
        Set<String> bestActors = storyActors.get(best);
        firm.removeIf(id -> Similarity.disjoint(bestActors, storyActors.get(id)));
        if (firm.size() == 1) {
            return new Decision(f, best, false, List.of());
        }
        // the stories merge into the one first seen
        String survivor = firm.stream().min(Comparator.comparing(open::firstSeen).thenComparing(id -> id)).orElseThrow();
        firm.remove(survivor);
        return new Decision(f, survivor, false, List.copyOf(firm));
    }

    /** Every actor the open story's sources name. */
    private static Set<String> actors(StoryIndex open, String storyId) {
        Set<String> out = new HashSet<>();
        open.sources(storyId).forEach(f -> out.addAll(f.actors()));
        return out;
    }

    /**
     * What the decision changes, reading the open stories it names with {@code read}; {@code lastVersion} gives, for
     * a story id never open or expired, the last version written of it (0 if none). {@code now} is the record time.
     */
    public static Placement place(Decision d, EnrichedArticle a, Instant now, Function<String, OpenStory> read,
                                  ToIntFunction<String> lastVersion) {
        if (d.duplicate()) {
            return Placement.NOTHING;
        }
        if (d.storyId() == null) {
            return new Placement(List.of(StoryRecords.start(a, d.fingerprint(), now, lastVersion.applyAsInt(StoryRecords.storyId(a.article().id())))), List.of());
        }
        OpenStory survivor = read.apply(d.storyId());
        if (survivor == null) {
            throw new IllegalStateException("story " + d.storyId() + " is in the index but not among the open stories");
        }
        List<Story> mergedAway = new ArrayList<>();
        for (String id : d.absorbed()) {
            OpenStory other = read.apply(id);
            if (other != null) {
                survivor = StoryRecords.absorb(survivor, other, now);
                mergedAway.add(StoryRecords.mergedInto(other.story(), survivor.story().storyId()));
            }
        }
        OpenStory next = StoryRecords.add(survivor, a, d.fingerprint(), now);
        if (next == survivor && mergedAway.isEmpty()) {
            return Placement.NOTHING;
        }
        return new Placement(List.of(next), mergedAway);
    }
}
