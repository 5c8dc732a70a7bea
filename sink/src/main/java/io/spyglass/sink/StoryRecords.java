package io.spyglass.sink;

import io.spyglass.model.Actor;
import io.spyglass.model.Article;
import io.spyglass.model.Country;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Evidence;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the story records: a new story from its first article, the next version with a further source or with the
 * sources of a story it absorbs, within the byte budget ({@link StoryBudget}), and the merged tags.
 */
final class StoryRecords {
    private StoryRecords() {
    }

    /**
     * A new story from its first article, with version {@code lastVersion} + 1: 1 for an id never emitted; more for a
     * story that left the open stories and starts again under the same id (its first article came again, as a retag
     * sends it), so that an id's version never goes back. {@code now} is the record time.
     */
    static OpenStory start(EnrichedArticle a, Fingerprint f, Instant now, int lastVersion) {
        Article article = a.article();
        Instant t = f.time();
        StorySource first = StoryBudget.fitFirst(source(a), f);
        Story story = new Story(Story.SCHEMA_VERSION, storyId(article.id()), lastVersion + 1, title(a), article.url(), t, t,
                merge(List.of(a.tags())), List.of(first), 0, null);
        return new OpenStory(story, List.of(f), now);
    }

    /**
     * The next version of {@code open} with {@code a} as a further source, or in place of its earlier revision. A
     * further source that would take the story past {@link StoryClusterer#MAX_STORY_BYTES} goes in without its text, or without
     * its evidence too, or is only counted. The tags of an earlier revision stay in the story's merged tags: a
     * story's tags only grow.
     */
    static OpenStory add(OpenStory open, EnrichedArticle a, Fingerprint f, Instant now) {
        Story s = open.story();
        List<StorySource> sources = new ArrayList<>(s.sources());
        List<Fingerprint> fingerprints = new ArrayList<>(open.fingerprints());
        int earlier = fingerprints.stream().map(Fingerprint::articleId).toList().indexOf(f.articleId());
        int omitted = s.omittedSources();
        if (earlier >= 0) {
            // a revision keeps its place: the story's title and URL still come from its first source
            sources.remove(earlier);
            fingerprints.remove(earlier);
        }
        StorySource added = StoryBudget.fit(source(a), sources, fingerprints, f);
        if (added == null && earlier < 0) {
            omitted++;
        } else if (added == null) {
            // the revision no longer fits: its earlier version, which did, stays
            return open;
        } else if (earlier < 0) {
            sources.add(added);
            fingerprints.add(f);
        } else {
            sources.add(earlier, added);
            fingerprints.add(earlier, f);
        }
        List<Tags> tags = new ArrayList<>();
        tags.add(s.tags());
        tags.add(a.tags());
        Instant t = f.time();
        Story next = new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(),
                t.isBefore(s.firstSeen()) ? t : s.firstSeen(), t.isAfter(s.lastSeen()) ? t : s.lastSeen(), merge(tags), sources,
                omitted, null);
        return new OpenStory(next, fingerprints, now);
    }

    /**
     * The next version of {@code survivor} with the sources of {@code other}, a story found to report the same event,
     * after its own, within the same limits as {@link #add}.
     */
    static OpenStory absorb(OpenStory survivor, OpenStory other, Instant now) {
        Story s = survivor.story();
        Story o = other.story();
        List<StorySource> sources = new ArrayList<>(s.sources());
        List<Fingerprint> fingerprints = new ArrayList<>(survivor.fingerprints());
        int omitted = s.omittedSources() + o.omittedSources();
        for (int i = 0; i < o.sources().size(); i++) {
            Fingerprint f = other.fingerprints().get(i);
            StorySource added = StoryBudget.fit(o.sources().get(i), sources, fingerprints, f);
            if (added == null) {
                omitted++;
            } else {
                sources.add(added);
                fingerprints.add(f);
            }
        }
        Story next = new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(),
                o.firstSeen().isBefore(s.firstSeen()) ? o.firstSeen() : s.firstSeen(),
                o.lastSeen().isAfter(s.lastSeen()) ? o.lastSeen() : s.lastSeen(), merge(List.of(s.tags(), o.tags())), sources,
                omitted, null);
        return new OpenStory(next, fingerprints, now);
    }

    private static StorySource source(EnrichedArticle a) {
        Article article = a.article();
        String feedName = article.feed().name();
        String outlet = feedName != null && !feedName.isBlank() ? feedName : host(article.url());
        List<Evidence> evidence = a.tags().evidence();
        return new StorySource(article.id(), article.url(), title(a), outlet, article.feed(), article.published(),
                article.fetched(), article.language(), article.text(),
                evidence.size() > StoryClusterer.MAX_EVIDENCE ? evidence.subList(0, StoryClusterer.MAX_EVIDENCE) : evidence);
    }

    /** The article's title, cut to {@link StoryClusterer#MAX_TITLE_CHARS} at a character boundary. */
    static String title(EnrichedArticle a) {
        String t = a.article().title() == null ? "" : a.article().title();
        if (t.length() <= StoryClusterer.MAX_TITLE_CHARS) {
            return t;
        }
        int cut = Character.isHighSurrogate(t.charAt(StoryClusterer.MAX_TITLE_CHARS - 1)) ? StoryClusterer.MAX_TITLE_CHARS - 1
                : StoryClusterer.MAX_TITLE_CHARS;
        return t.substring(0, cut) + "\u2026";
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The last version of {@code s}, merged into the story {@code survivorId}: the next version, with {@code mergedInto}. */
    static Story mergedInto(Story s, String survivorId) {
        return new Story(Story.SCHEMA_VERSION, s.storyId(), s.version() + 1, s.title(), s.url(), s.firstSeen(), s.lastSeen(),
                s.tags(), s.sources(), s.omittedSources(), survivorId);
    }

    /** The union of the tags, in first-seen order; the highest score; the tagger of the latest; no evidence. */
    static Tags merge(List<Tags> all) {
        double score = 0;
        Map<String, Country> attributed = new LinkedHashMap<>();
        Map<String, Country> victims = new LinkedHashMap<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        Set<String> sectors = new LinkedHashSet<>();
        Set<String> malware = new LinkedHashSet<>();
        Set<String> cves = new LinkedHashSet<>();
        Set<String> techniques = new LinkedHashSet<>();
        for (Tags t : all) {
            score = Math.max(score, t.score());
            t.attributed().forEach(c -> attributed.putIfAbsent(c.code(), c));
            t.victims().forEach(c -> victims.putIfAbsent(c.code(), c));
            t.actors().forEach(x -> actors.putIfAbsent(x.name(), x));
            sectors.addAll(t.sectors());
            malware.addAll(t.malware());
            cves.addAll(t.cves());
            techniques.addAll(t.techniques());
        }
        return new Tags(true, score, List.copyOf(attributed.values()), List.copyOf(victims.values()),
                List.copyOf(actors.values()), List.copyOf(sectors), List.copyOf(malware), List.copyOf(cves),
                List.copyOf(techniques), List.of(), all.get(all.size() - 1).tagger());
    }

    /** SHA-256 (hex) of "story:" and the first article's id: stable, and never mistaken for an article id. */
    static String storyId(String firstArticleId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("story:" + firstArticleId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
