package io.spyglass.web;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stories the page can show, as summaries newest first, each with where its latest version sits on the topic
 * (the page reads a story's sources from there when opened). At most {@code capacity} stories are held; past that the
 * one seen longest ago is dropped, so memory stays bounded however long the topic grows. Thread-safe.
 */
public final class StoryIndex {
    /** Where a story version sits on the espionage topic. */
    public record Position(int partition, long offset) {
    }

    /** One page of the stories a filter matches. */
    public record Page(int total, int offset, int limit, List<StorySummary> stories) {
    }

    /** One cell of the attributed-to-victim matrix. */
    public record Flow(Country attributed, Country victim, int stories) {
    }

    /** Stories per day (by first seen, UTC) for each attributed state, and who hit whom. */
    public record Stats(List<String> days, Map<String, int[]> storiesPerDay, Map<String, String> stateNames,
                        List<Flow> flows) {
    }

    /** A value a filter can take, with how many stories have it. */
    public record Facet(String value, String label, int stories) {
    }

    /** The code under which unattributed stories are counted in {@link Stats}. */
    public static final String UNATTRIBUTED = "none";
    // Longest history the chart spans, so that one story dated years back does not stretch it.
    private static final int MAX_STATS_DAYS = 366;
    // The free text is matched against this much of each story's titles, outlets and names.
    private static final int MAX_HAYSTACK = 4000;
    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> e.summary().lastSeen()).reversed()
            .thenComparing(e -> e.summary().storyId());

    private record Entry(StorySummary summary, String haystack, Position position) {
    }

    private final int capacity;
    private final Map<String, Entry> byId = new HashMap<>();
    private final TreeSet<Entry> newestFirst = new TreeSet<>(NEWEST_FIRST);

    public StoryIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Takes in one story record read at {@code position}.
     *
     * @return the new summary, or empty when the index already holds this version or a later one, or the story was
     *         merged into another (whose record carries its sources): it leaves the view
     */
    public synchronized Optional<StorySummary> apply(Story story, Position position) {
        Entry old = byId.get(story.storyId());
        if (old != null && old.summary().version() >= story.version()) {
            return Optional.empty();
        }
        if (story.mergedInto() != null) {
            remove(story.storyId());
            return Optional.empty();
        }
        StorySummary summary = summarise(story);
        Entry entry = new Entry(summary, haystack(story), position);
        if (old != null) {
            newestFirst.remove(old);
        }
        byId.put(story.storyId(), entry);
        newestFirst.add(entry);
        while (byId.size() > capacity) {
            Entry oldest = newestFirst.pollLast();
            byId.remove(oldest.summary().storyId());
        }
        return byId.containsKey(story.storyId()) ? Optional.of(summary) : Optional.empty();
    }

    /** Forgets a story whose key the topic deleted (a tombstone); true when it was held. */
    public synchronized boolean remove(String storyId) {
        Entry old = byId.remove(storyId);
        if (old != null) {
            newestFirst.remove(old);
        }
        return old != null;
    }

    public synchronized int size() {
        return byId.size();
    }

    public synchronized Optional<Position> position(String storyId) {
        return Optional.ofNullable(byId.get(storyId)).map(Entry::position);
    }

    public synchronized Optional<StorySummary> summary(String storyId) {
        return Optional.ofNullable(byId.get(storyId)).map(Entry::summary);
    }

    /** True when {@code filter} matches the story {@code summary}, which this index produced. */
    public synchronized boolean matches(StoryFilter filter, StorySummary summary) {
        Entry e = byId.get(summary.storyId());
        return e != null && filter.matches(summary, e.haystack());
    }

    /** The stories {@code filter} matches, newest first, from the {@code offset}-th, at most {@code limit}. */
    public synchronized Page page(StoryFilter filter, int offset, int limit) {
        List<StorySummary> out = new ArrayList<>(Math.min(limit, 1000));
        int total = 0;
        for (Entry e : newestFirst) {
            if (filter.matches(e.summary(), e.haystack())) {
                if (total >= offset && out.size() < limit) {
                    out.add(e.summary());
                }
                total++;
            }
        }
        return new Page(total, offset, limit, out);
    }

    /** Counts over the stories {@code filter} matches. */
    public synchronized Stats stats(StoryFilter filter) {
        TreeMap<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        Map<String, Flow> flows = new LinkedHashMap<>();
        for (Entry e : newestFirst) {
            StorySummary s = e.summary();
            if (!filter.matches(s, e.haystack())) {
                continue;
            }
            LocalDate day = s.firstSeen().atZone(ZoneOffset.UTC).toLocalDate();
            Map<String, Integer> counts = byDay.computeIfAbsent(day, d -> new HashMap<>());
            if (s.attributed().isEmpty()) {
                counts.merge(UNATTRIBUTED, 1, Integer::sum);
                names.put(UNATTRIBUTED, "unattributed");
            }
            for (Country a : s.attributed()) {
                counts.merge(a.code(), 1, Integer::sum);
                names.put(a.code(), a.name());
                for (Country v : s.victims()) {
                    flows.merge(a.code() + ">" + v.code(), new Flow(a, v, 1),
                            (x, y) -> new Flow(x.attributed(), x.victim(), x.stories() + 1));
                }
            }
        }
        List<String> days = new ArrayList<>();
        Map<String, int[]> perDay = new TreeMap<>();
        if (!byDay.isEmpty()) {
            LocalDate last = byDay.lastKey();
            LocalDate first = byDay.firstKey();
            if (first.isBefore(last.minusDays(MAX_STATS_DAYS - 1))) {
                first = last.minusDays(MAX_STATS_DAYS - 1);
            }
            int n = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                days.add(d.toString());
            }
            for (Map.Entry<LocalDate, Map<String, Integer>> day : byDay.entrySet()) {
                int i = (int) (day.getKey().toEpochDay() - first.toEpochDay());
                if (i < 0) {
                    continue;
                }
                day.getValue().forEach((code, count) -> perDay.computeIfAbsent(code, c -> new int[n])[i] += count);
            }
        }
        List<Flow> flowList = new ArrayList<>(flows.values());
        flowList.sort(Comparator.comparingInt(Flow::stories).reversed());
        return new Stats(days, perDay, names, flowList);
    }

    /** The values each filter can take among the stories held, most frequent first. */
    public synchronized Map<String, List<Facet>> facets() {
        Map<String, Map<String, Facet>> facets = new LinkedHashMap<>();
        for (String name : List.of("attributed", "victim", "sector", "actor", "lang")) {
            facets.put(name, new HashMap<>());
        }
        for (Entry e : newestFirst) {
            StorySummary s = e.summary();
            s.attributed().forEach(c -> count(facets.get("attributed"), c.code(), c.name()));
            s.victims().forEach(c -> count(facets.get("victim"), c.code(), c.name()));
            s.sectors().forEach(v -> count(facets.get("sector"), v, v));
            s.actors().forEach(v -> count(facets.get("actor"), v, v));
            s.languages().forEach(v -> count(facets.get("lang"), v, v));
        }
        Map<String, List<Facet>> out = new LinkedHashMap<>();
        facets.forEach((name, values) -> {
            List<Facet> list = new ArrayList<>(values.values());
            list.sort(Comparator.comparingInt(Facet::stories).reversed().thenComparing(Facet::label));
            out.put(name, list);
        });
        return out;
    }

    private static void count(Map<String, Facet> values, String value, String label) {
        values.merge(value, new Facet(value, label, 1), (a, b) -> new Facet(a.value(), a.label(), a.stories() + 1));
    }

    static StorySummary summarise(Story story) {
        Set<String> languages = new LinkedHashSet<>();
        Set<String> outlets = new LinkedHashSet<>();
        for (StorySource s : story.sources()) {
            if (s.language() != null) {
                languages.add(s.language());
            }
            outlets.add(s.outlet());
        }
        List<String> actors = story.tags().actors().stream().map(Actor::name).distinct().toList();
        return new StorySummary(story.storyId(), story.version(), story.title(), story.url(), story.tags().attributed(),
                story.tags().victims(), actors, story.tags().sectors(), List.copyOf(languages), outlets.size(),
                story.sources().size(), story.firstSeen(), story.lastSeen(), story.tags().score());
    }

    private static String haystack(Story story) {
        StringBuilder b = new StringBuilder(story.title());
        story.tags().actors().forEach(a -> b.append(' ').append(a.name()));
        story.tags().malware().forEach(m -> b.append(' ').append(m));
        story.tags().cves().forEach(c -> b.append(' ').append(c));
        for (StorySource s : story.sources()) {
            if (b.length() > MAX_HAYSTACK) {
                break;
            }
            b.append(' ').append(s.outlet()).append(' ').append(s.title());
        }
        String text = b.length() > MAX_HAYSTACK ? b.substring(0, MAX_HAYSTACK) : b.toString();
        return text.toLowerCase(Locale.ROOT);
    }
}
