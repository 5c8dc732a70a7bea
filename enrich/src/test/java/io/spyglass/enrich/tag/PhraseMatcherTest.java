package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
    private final Vocabulary vocabulary = new Vocabulary();
    private final PhraseMatcher<String> matcher = new PhraseMatcher<>(vocabulary);

    private List<String> payloads(String text) {
        return matcher.match(Tokens.of(text, vocabulary)).stream().map(PhraseMatcher.Match::payload).toList();
    }

    @Test
    void prefersTheLongestPhrase() {
        matcher.add("North Korea", "KP");
        matcher.add("Korea", "ambiguous");

        assertThat(payloads("North Korea and Korea")).containsExactly("KP", "ambiguous");
    }

    @Test
    void matchesAcronymsOnlyExactly() {
        matcher.add("US", "US");

        assertThat(payloads("the US told us")).containsExactly("US");
    }

    @Test
    void needsCapitalsWhereTheNameHasThem() {
        matcher.add("Lazarus", "actor");

        assertThat(payloads("Lazarus struck; LAZARUS again; lazarus never")).containsExactly("actor", "actor");
    }

    @Test
    void matchesLowerCaseTermsInAnyCase() {
        matcher.add("cyber espionage", "term");

        assertThat(payloads("Cyber-Espionage and CYBER ESPIONAGE")).containsExactly("term", "term");
    }

    @Test
    void readsShoutedMultiWordNamesAsNames() {
        matcher.add("FANCY BEAR", "APT28");

        assertThat(payloads("Fancy Bear, FANCY BEAR, fancy bear")).containsExactly("APT28", "APT28");
    }

    @Test
    void ignoresAnAcronymNextToAShoutedWord() {
        matcher.add("MUST", "SE");

        assertThat(payloads("MUST WATCH this; the MUST said")).containsExactly("SE");
    }

    @Test
    void findsPhrasesInsideLongerOnesWhenOverlapping() {
        matcher.add("military hackers", "state");
        matcher.add("hackers", "cyber");

        assertThat(matcher.matchOverlapping(Tokens.of("Chinese military hackers", vocabulary)))
                .extracting(PhraseMatcher.Match::payload, PhraseMatcher.Match::first, PhraseMatcher.Match::last)
                .containsExactly(tuple("state", 1, 3),
                        tuple("cyber", 2, 3));
    }
}
