package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.enrich.tag.Lexicon.Term;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelExtractorTest {
    private static final Lexicon LEXICON = LexiconTest.ENGLISH;
    private static final LabelExtractor LABELS = new LabelExtractor(LEXICON);

    @Test
    void findsCvesUpperCasedInOrderOfFirstAppearance() {
        Tokens t = Tokens.of("Patch cve-2021-26855 and CVE-2023-1234567, then CVE-2021-26855 again; not CVE-21-1.",
                LEXICON.vocabulary());
        List<Evidence> evidence = new ArrayList<>();

        assertThat(LABELS.cves(t, evidence)).containsExactly("CVE-2021-26855", "CVE-2023-1234567");
        assertThat(evidence.get(0)).isEqualTo(new Evidence("cves", "CVE-2021-26855", "cve-2021-26855", 6,
                "pattern:cve-id"));
    }

    @Test
    void findsTechniqueIdsThenTechniqueNames() {
        Tokens t = Tokens.of("They used a spearphishing attachment (T1566.001), then T1189 and T800.",
                LEXICON.vocabulary());
        List<Evidence> evidence = new ArrayList<>();

        List<String> ids = LABELS.techniques(t, LABELS.match(t), evidence);

        assertThat(ids).containsExactly("T1566.001", "T1189");
        assertThat(evidence).extracting(Evidence::rule).containsExactly("pattern:attack-technique-id",
                "pattern:attack-technique-id");
    }

    @Test
    void findsListedFamiliesAndNamesBeforeAMalwareNoun() {
        Tokens t = Tokens.of("PlugX and the ReverseRat backdoor, but not the NEW backdoor", LEXICON.vocabulary());
        List<Evidence> evidence = new ArrayList<>();

        assertThat(LABELS.malware(t, LABELS.match(t), evidence)).containsExactly("PlugX", "ReverseRat");
        assertThat(evidence).containsExactly(new Evidence("malware", "PlugX", "PlugX", 0, "malware:PlugX"),
                new Evidence("malware", "ReverseRat", "ReverseRat backdoor", 14, "pattern:name+malware-noun"));
    }

    @Test
    void sectorsAreMostMentionedFirstAndSkipTheAttackersOwnWords() {
        Tokens t = Tokens.of("Russian military intelligence hit ministries, government agencies and the army",
                LEXICON.vocabulary());
        List<Match<Term>> matches = LABELS.match(t);
        List<Role> attackers = List.of(Role.of("RU", 2, Map.of(), 0, 3, Rule.STATE_ACTOR_NOUN_QUALIFIED));
        List<Evidence> evidence = new ArrayList<>();

        assertThat(LABELS.sectors(t, matches, attackers, evidence)).containsExactly("government", "defense");
        assertThat(LABELS.sectors(t, matches, List.of(), new ArrayList<>())).containsExactly("defense", "government");
        assertThat(evidence).extracting(Evidence::text).containsExactly("ministries", "army");
    }
}
