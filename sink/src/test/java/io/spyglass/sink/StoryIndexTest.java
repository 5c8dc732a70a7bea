package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryIndexTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> TERMS = List.of("chinese", "hackers", "breach", "ministry", "japan", "defence",
            "networks", "espionage", "campaign", "router", "telecom", "stolen");
    private static final List<String> STATES = List.of("CN", "RU", "IR");
    private static final List<String> VICTIMS = List.of("JP", "DE", "US", "UA");

    private static Fingerprint random(Random random, int n, long[] bases) {
        Set<String> title = new HashSet<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            title.add(TERMS.get(random.nextInt(TERMS.size())));
        }
        long simhash = bases[random.nextInt(bases.length)];
        for (int flips = random.nextInt(12); flips > 0; flips--) {
            simhash ^= 1L << random.nextInt(64);
        }
        return new Fingerprint("a" + n, T0.plus(Duration.ofHours(random.nextInt(24 * 8))), simhash, 5 + random.nextInt(30),
                title, random.nextInt(4) == 0 ? Set.of("APT" + random.nextInt(3)) : Set.of(),
                Set.of(STATES.get(random.nextInt(STATES.size()))), Set.of(VICTIMS.get(random.nextInt(VICTIMS.size()))), 1,
                random.nextBoolean() ? "en" : "ja", random.nextInt(5) == 0 ? Set.of("cve-2024-" + random.nextInt(3)) : Set.of(),
                // now and then a name that is another source's tagged actor or CVE (Similarity.namedIn)
                Set.copyOf(List.of("name" + random.nextInt(300), random.nextInt(6) == 0 ? "apt" + random.nextInt(3) : "name" + random.nextInt(300),
                        random.nextInt(8) == 0 ? "cve-2024-" + random.nextInt(3) : "name" + random.nextInt(300))),
                Set.copyOf(List.of("word" + random.nextInt(400), "word" + random.nextInt(400), "word" + random.nextInt(400),
                        "word" + random.nextInt(400), "word" + random.nextInt(400), "word" + random.nextInt(400),
                        "word" + random.nextInt(400), "word" + random.nextInt(400))), Set.of());
    }

    @Test
    void candidatesIncludeEverySourceAFullComparisonWouldMatch() {
        Random random = new Random(7);
        long[] bases = random.longs(20).toArray();
        StoryIndex index = new StoryIndex();
        List<Fingerprint> indexed = new ArrayList<>();
        int articles = 0;
        for (int story = 0; story < 400; story++) {
            List<Fingerprint> sources = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                sources.add(random(random, articles++, bases));
            }
            index.put("s" + story, sources, T0);
            // some stories leave and others take their counters' slots, as in a sink that has run for weeks
            if (story % 4 == 3) {
                index.remove("s" + (story - 2));
            } else {
                indexed.addAll(sources);
            }
        }
        indexed.removeIf(g -> index.source(g.articleId()) == null);
        int matched = 0;
        long offered = 0;
        for (int probe = 0; probe < 300; probe++) {
            Fingerprint f = random(random, 10_000 + probe, bases);
            Set<Fingerprint> candidates = new HashSet<>();
            index.candidates(f).forEach(s -> candidates.add(s.fingerprint()));
            for (Fingerprint g : indexed) {
                if (Similarity.similarity(f, g) > 0) {
                    matched++;
                    assertThat(candidates).contains(g);
                }
            }
            offered += candidates.size();
        }
        // attributed-victim pairs are few here, so many sources share one; still the index must narrow the search
        assertThat(offered).as("candidates over all probes").isLessThan(300L * indexed.size() * 9 / 10);
        assertThat(matched).as("the random sources must match often enough for the check to mean something").isGreaterThan(300);
    }

    @Test
    void forgetsAStoryOnRemoveAndItsOldSourcesOnPut() {
        Fingerprint a = new Fingerprint("a", T0, 0L, 20, Set.of("ministry", "breach"), Set.of(), Set.of("CN"), Set.of("JP"), 1, "en", Set.of(), Set.of(), Set.of(), Set.of());
        Fingerprint b = new Fingerprint("b", T0, -1L, 20, Set.of("router", "telecom"), Set.of(), Set.of("RU"), Set.of("DE"), 1, "en", Set.of(), Set.of(), Set.of(), Set.of());
        StoryIndex index = new StoryIndex();
        index.put("s1", List.of(a), T0);
        index.put("s1", List.of(b), T0.plusSeconds(60));

        assertThat(index.source("a")).isNull();
        assertThat(index.source("b").storyId()).isEqualTo("s1");
        assertThat(index.candidates(a)).isEmpty();
        assertThat(index.candidates(b)).extracting(StoryIndex.Source::fingerprint).containsExactly(b);
        assertThat(index.sources("s1")).containsExactly(b);
        assertThat(index.changedBefore(T0.plusSeconds(60))).isEmpty();
        assertThat(index.changedBefore(T0.plusSeconds(61))).containsExactly("s1");

        index.remove("s1");

        assertThat(index.source("b")).isNull();
        assertThat(index.candidates(b)).isEmpty();
        assertThat(index.sources("s1")).isEmpty();
        assertThat(index.changedBefore(T0.plusSeconds(61))).isEmpty();
    }

    @Test
    void aNameInLatinLettersAndItsSoundInAnotherScriptMeetButTwoLatinNamesOfOneSoundDoNot() {
        Fingerprint latin = new Fingerprint("en", T0, 0L, 0, Set.of(), Set.of(), Set.of(), Set.of(), 1, "en", Set.of(),
                Set.of("fortinet"), Set.of(), Set.of());
        Fingerprint katakana = new Fingerprint("ja", T0, -1L, 0, Set.of(), Set.of(), Set.of(), Set.of(), 1, "ja", Set.of(),
                Set.of(), Set.of(), Sounds.ofOtherScripts("フォーティネット"));
        Fingerprint sameSound = new Fingerprint("de", T0, 0x5555555555555555L, 0, Set.of(), Set.of(), Set.of(), Set.of(), 1, "de",
                Set.of(), Set.of("furtnet"), Set.of(), Set.of());
        StoryIndex index = new StoryIndex();
        index.put("s1", List.of(latin), T0);

        assertThat(index.candidates(katakana)).extracting(StoryIndex.Source::fingerprint).containsExactly(latin);
        assertThat(index.candidates(sameSound)).isEmpty();
        index.put("s2", List.of(katakana), T0);
        assertThat(index.candidates(sameSound)).extracting(StoryIndex.Source::fingerprint).containsExactly(katakana);
    }
}
