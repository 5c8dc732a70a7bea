package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static Fingerprint fingerprint(String id, String language, Set<String> actors, Set<String> entities,
                                           Set<String> names, Set<String> keywords) {
        return new Fingerprint(id, T0, 0L, 0, Set.of(), actors, Set.of(), Set.of(), 1, language, entities, names, keywords, Set.of());
    }

    @Test
    void aTaggedNameIsNamedInTheOtherReportAsOneWordOrAsAllOfItsWords() {
        assertThat(Similarity.namedIn(Set.of("HAFNIUM"), Set.of("microsoft", "hafnium"))).isTrue();
        assertThat(Similarity.namedIn(Set.of("Volt Typhoon"), Set.of("volt", "typhoon", "guam"))).isTrue();
        assertThat(Similarity.namedIn(Set.of("cve-2023-23397"), Set.of("cve-2023-23397"))).isTrue();
    }

    @Test
    void partOfANameOfSeveralWordsIsNotTheName() {
        assertThat(Similarity.namedIn(Set.of("Volt Typhoon"), Set.of("salt", "typhoon"))).isFalse();
        assertThat(Similarity.namedIn(Set.of("Lazarus Group"), Set.of("group"))).isFalse();
        assertThat(Similarity.namedIn(Set.of("APT28"), Set.of())).isFalse();
    }

    @Test
    void malwareTaggedInOneReportAndOnlyNamedInAnotherIsCommonGround() {
        // the German report names Pegasus, which its tagger did not take for malware; the English one tagged it
        Fingerprint en = fingerprint("en", "en", Set.of(), Set.of("pegasus"), Set.of("nso", "pegasus"), Set.of("journ"));
        Fingerprint de = fingerprint("de", "de", Set.of(), Set.of(), Set.of("pegasus", "journalisten"), Set.of("journ"));
        // the malware, and two words in common between languages ("journ", "pegas")
        assertThat(Similarity.commonGround(en, de, Set.of())).isEqualTo(2);
        assertThat(Similarity.commonGround(de, en, Set.of())).isEqualTo(2);
    }

    @Test
    void anActorTaggedInOneReportAndOnlyNamedInAnotherIsCommonGround() {
        Fingerprint en = fingerprint("en", "en", Set.of("HAFNIUM"), Set.of(), Set.of(), Set.of());
        Fingerprint de = fingerprint("de", "de", Set.of(), Set.of(), Set.of("hafnium"), Set.of());
        assertThat(Similarity.commonGround(en, de, Set.of())).isEqualTo(1);
    }

    @Test
    void namesInOneLanguageCountWithItsKeywordsOnceEach() {
        Fingerprint a = fingerprint("a", "en", Set.of(), Set.of(), Set.of("microsoft", "mss", "ministry"), Set.of("micro", "excha"));
        Fingerprint keywordsOnly = fingerprint("b", "en", Set.of(), Set.of(), Set.of(), Set.of("micro", "excha"));
        Fingerprint microsoftOnly = fingerprint("c", "en", Set.of(), Set.of(), Set.of("microsoft"), Set.of("micro", "excha"));
        Fingerprint same = fingerprint("d", "en", Set.of(), Set.of(), a.names(), a.keywords());

        assertThat(Similarity.commonGround(a, keywordsOnly, Set.of())).isZero();
        // Microsoft once, as its keyword "micro"
        assertThat(Similarity.commonGround(a, microsoftOnly, Set.of())).isZero();
        // "micro", "excha", "mss", "minis"
        assertThat(Similarity.commonGround(a, same, Set.of())).isEqualTo(1);
        // a name ubiquitous in the open stories does not count
        assertThat(Similarity.commonGround(a, same, Set.of("name:mss", "name:ministry"))).isZero();
    }

    @Test
    void aUnionAddsWhatTheOthersNameAndTheKeywordsOfTheSameLanguageOnly() {
        Fingerprint f = fingerprint("f", "en", Set.of(), Set.of("pegasus"), Set.of("nso"), Set.of("spywa"));
        Fingerprint english = fingerprint("e", "en", Set.of("APT1"), Set.of(), Set.of("guardian"), Set.of("journ"));
        Fingerprint german = fingerprint("g", "de", Set.of(), Set.of("cve-2021-1"), Set.of("amnesty"), Set.of("späh"));

        Fingerprint u = Similarity.union(f, java.util.List.of(english, german));

        assertThat(u.articleId()).isEqualTo("f");
        assertThat(u.language()).isEqualTo("en");
        assertThat(u.actors()).containsExactly("APT1");
        assertThat(u.entities()).containsExactlyInAnyOrder("pegasus", "cve-2021-1");
        assertThat(u.names()).containsExactlyInAnyOrder("nso", "guardian", "amnesty");
        assertThat(u.keywords()).containsExactlyInAnyOrder("spywa", "journ");
    }
    @Test
    void aStoryIsComparedAsItsSourceNearestInTimeWithWhatAllItsSourcesName() {
        Fingerprint early = new Fingerprint("a", T0, 0L, 0, Set.of(), Set.of(), Set.of("CN"), Set.of("US"), 1, "de",
                Set.of(), Set.of("hafnium"), Set.of("hafni", "excha", "micro"), Set.of());
        Fingerprint later = new Fingerprint("b", T0.plus(java.time.Duration.ofDays(3)), 0L, 0, Set.of(), Set.of(), Set.of(),
                Set.of(), 1, "de", Set.of(), Set.of("bsi"), Set.of("bunde", "behör", "siche"), Set.of());
        Fingerprint english = new Fingerprint("c", T0, 0L, 0, Set.of(), Set.of("HAFNIUM"), Set.of(), Set.of(), 1, "en",
                Set.of(), Set.of("exchange"), Set.of("serve"), Set.of());
        Fingerprint report = new Fingerprint("d", T0.plus(java.time.Duration.ofDays(5)), 0L, 0, Set.of(), Set.of(), Set.of(),
                Set.of(), 1, "de", Set.of(), Set.of(), Set.of(), Set.of());

        Fingerprint story = Similarity.story(report, java.util.List.of(early, later, english));

        // the later German source, with every source's actors and names, and the keywords of the German ones
        assertThat(story.articleId()).isEqualTo("b");
        assertThat(story.actors()).containsExactly("HAFNIUM");
        assertThat(story.names()).containsExactlyInAnyOrder("hafnium", "bsi", "exchange");
        assertThat(story.keywords()).containsExactlyInAnyOrder("hafni", "excha", "micro", "bunde", "behör", "siche");
        assertThat(story.attributed()).isEmpty();
    }

    @Test
    void aLateReportMeetsOnTheStoryMoreCommonGroundThanOnAnyOfItsSources() {
        Fingerprint a = new Fingerprint("a", T0, 0L, 0, Set.of(), Set.of(), Set.of("CN"), Set.of("US"), 1, "de", Set.of(),
                Set.of(), Set.of("hafni", "excha", "micro", "serve"), Set.of());
        Fingerprint b = fingerprint("b", "de", Set.of(), Set.of(), Set.of(), Set.of("bunde", "behör", "siche", "angri"));
        Fingerprint late = new Fingerprint("c", T0, 0L, 0, Set.of(), Set.of(), Set.of("CN"), Set.of("US"), 1, "de", Set.of(),
                Set.of(), Set.of("hafni", "excha", "micro", "bunde", "behör", "siche"), Set.of());

        // the same state and victim and three keywords: a match, but not past the near window
        assertThat(Similarity.commonGround(late, a, Set.of())).isEqualTo(Similarity.COMMON_GROUND);
        assertThat(Similarity.commonGround(late, b, Set.of())).isEqualTo(1);
        assertThat(Similarity.commonGround(late, Similarity.story(late, java.util.List.of(a, b)), Set.of()))
                .isGreaterThan(Similarity.COMMON_GROUND);
    }

    @Test
    void differentVictimsAreDifferentEventsUnlessTheReportsNameTheSameActor() {
        Fingerprint us = new Fingerprint("a", T0, 0L, 0, Set.of(), Set.of("Salt Typhoon"), Set.of("CN"), Set.of("US"), 1, "ja",
                Set.of(), Set.of(), Set.of(), Set.of());
        Fingerprint japan = new Fingerprint("b", T0, 0L, 0, Set.of(), Set.of("Salt Typhoon"), Set.of("CN"), Set.of("JP"), 1,
                "ja", Set.of(), Set.of(), Set.of(), Set.of());
        Fingerprint japanNoActor = new Fingerprint("c", T0, 0L, 0, Set.of(), Set.of(), Set.of("CN"), Set.of("JP"), 1, "ja",
                Set.of(), Set.of(), Set.of(), Set.of());
        Fingerprint otherActor = new Fingerprint("d", T0, 0L, 0, Set.of(), Set.of("APT40"), Set.of("CN"), Set.of("US"), 1, "ja",
                Set.of(), Set.of(), Set.of(), Set.of());

        assertThat(Similarity.conflicting(us, japan)).isFalse();
        assertThat(Similarity.conflicting(us, japanNoActor)).isTrue();
        assertThat(Similarity.conflicting(us, otherActor)).isTrue();
    }

    @Test
    void anActorTheTaggerNamesDifferentlyIsTheSameWhenTheOtherReportNamesIt() {
        // a language's alias list files the group under "Salt Typhoon", the English one under "GhostEmperor"
        Fingerprint japanese = new Fingerprint("a", T0, 0L, 0, Set.of(), Set.of("Salt Typhoon"), Set.of("CN"), Set.of("US"), 1,
                "ja", Set.of(), Set.of("isp"), Set.of(), Set.of());
        Fingerprint english = new Fingerprint("b", T0, 0L, 0, Set.of(), Set.of("GhostEmperor"), Set.of("CN"), Set.of("GB"), 1,
                "en", Set.of(), Set.of("salt", "typhoon", "verizon"), Set.of(), Set.of());
        Fingerprint otherGroup = new Fingerprint("c", T0, 0L, 0, Set.of(), Set.of("APT40"), Set.of("CN"), Set.of("US"), 1,
                "en", Set.of(), Set.of("typhoon"), Set.of(), Set.of());

        assertThat(Similarity.sameActor(japanese, english)).isTrue();
        assertThat(Similarity.conflicting(japanese, english)).isFalse();
        assertThat(Similarity.sameActor(japanese, otherGroup)).isFalse();
        assertThat(Similarity.conflicting(japanese, otherGroup)).isTrue();
    }

    @Test
    void aNameWrittenInAnotherScriptCountsAsTheNameOnceByItsSound() {
        Fingerprint english = fingerprint("en", "en", Set.of(), Set.of(), Set.of("microsoft", "ivanti", "nsa"), Set.of("micro"));
        Fingerprint japanese = new Fingerprint("ja", T0, 0L, 0, Set.of(), Set.of(), Set.of(), Set.of(), 1, "ja", Set.of(),
                Set.of("nsa"), Set.of(), Sounds.ofOtherScripts("マイクロソフトとイバンティの製品"));
        Fingerprint nothingInCommon = new Fingerprint("ar", T0, 0L, 0, Set.of(), Set.of(), Set.of(), Set.of(), 1, "ar",
                Set.of(), Set.of(), Set.of(), Sounds.ofOtherScripts("شركة أبل"));

        // "nsa", and Microsoft and Ivanti by their sounds: four, two points between languages
        assertThat(Similarity.commonGround(english, japanese, Set.of())).isEqualTo(1);
        assertThat(Similarity.commonGround(japanese, english, Set.of())).isEqualTo(1);
        assertThat(Similarity.commonGround(english, nothingInCommon, Set.of())).isZero();
        // a name ubiquitous in the open stories does not count by its sound either
        assertThat(Similarity.commonGround(english, japanese, Set.of("name:microsoft"))).isEqualTo(1);
        assertThat(Similarity.commonGround(english, japanese, Set.of("name:microsoft", "name:ivanti"))).isZero();
    }

    @Test
    void aNameInAnotherScriptIsUbiquitousWhenManyOpenStoriesNameIt() {
        StoryIndex index = new StoryIndex();
        for (int story = 0; story < Similarity.UBIQUITOUS_STORIES; story++) {
            index.put("s" + story, java.util.List.of(new Fingerprint("en" + story, T0, story, 0, Set.of(), Set.of(), Set.of(),
                    Set.of(), 1, "en", Set.of(), Set.of("microsoft", "outlook" + story), Set.of(), Set.of())), T0);
        }
        Fingerprint japanese = new Fingerprint("ja", T0, -1L, 0, Set.of(), Set.of(), Set.of(), Set.of(), 1, "ja", Set.of(),
                Set.of(), Set.of(), Sounds.ofOtherScripts("マイクロソフト"));

        Set<String> ubiquitous = Similarity.ubiquitous(japanese, index.candidates(japanese));

        assertThat(ubiquitous).containsExactly("sound:" + Sounds.key("microsoft"));
    }
}
