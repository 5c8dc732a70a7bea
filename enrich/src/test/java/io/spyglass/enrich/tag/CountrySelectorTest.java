package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.Lexicon.Kind;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Country;
import io.spyglass.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountrySelectorTest {
    private static final Lexicon LEXICON = LexiconTest.ENGLISH;
    // Bundled selection: attributedMin 2, attributedLoneMin 1, attributedRatio 0.5, victimMin 0.5, victimRatio 0.4.
    private static final CountrySelector SELECTOR = new CountrySelector(LEXICON, Lexicon.bundledTaxonomy());
    private static final Tokens TOKENS = Tokens.of("one two three four five six seven eight", LEXICON.vocabulary());

    private static Role role(String code, double weight, int token, Rule rule) {
        return Role.of(code, weight, Map.of(), token, token + 1, rule);
    }

    private static RoleClassifier.Roles roles(List<Role> attackers, List<Role> victims) {
        return new RoleClassifier.Roles(attackers, victims, Map.of(), List.of(), List.of());
    }

    private static List<String> codes(List<Country> countries) {
        return countries.stream().map(Country::code).toList();
    }

    @Test
    void attributesTheStatesThatReachTheMinimumAndRatio() {
        List<Evidence> evidence = new ArrayList<>();
        RoleClassifier.Roles roles = roles(List.of(role("CN", 2, 1, Rule.STATE_ACTOR_NOUN),
                role("CN", 2, 2, Rule.LINK_PHRASE), role("RU", 2, 3, Rule.AGENT_VERB),
                role("IR", 1, 4, Rule.ACCUSATION)), List.of());

        List<Country> attributed = SELECTOR.attributed(roles, 0, TOKENS, evidence);

        // RU's 2 is half of CN's 4; IR's 1 misses the minimum.
        assertThat(codes(attributed)).containsExactly("CN", "RU");
        assertThat(evidence).containsExactly(
                new Evidence("attributed", "CN", "two", 4, "state-actor-noun"),
                new Evidence("attributed", "CN", "three", 8, "link-phrase"),
                new Evidence("attributed", "RU", "four", 14, "agent-verb"));
    }

    @Test
    void theStrongestOfWeakMentionsStillCountsFromTheLoneMinimum() {
        RoleClassifier.Roles roles = roles(List.of(role("US", 0.5, 1, Rule.AGENCY_MENTION),
                role("US", 0.5, 2, Rule.AGENCY_MENTION)), List.of());

        assertThat(codes(SELECTOR.attributed(roles, 0, TOKENS, new ArrayList<>()))).containsExactly("US");
    }

    @Test
    void aStateTheTitleTargetsLosesItsVictimWeight() {
        RoleClassifier.Roles roles = roles(List.of(role("RU", 2, 4, Rule.STATE_ACTOR_NOUN)),
                List.of(role("RU", 2, 0, Rule.VICTIM_PHRASE)));

        assertThat(SELECTOR.attributed(roles, 2, TOKENS, new ArrayList<>())).isEmpty();
        assertThat(codes(SELECTOR.attributed(roles, 0, TOKENS, new ArrayList<>()))).containsExactly("RU");
    }

    @Test
    void aTargetNounInTheTitleDoesNotTakeAwayAttribution() {
        // "Berlin summons the Chinese ambassador": the state's people or places, not an operation against it.
        RoleClassifier.Roles roles = roles(List.of(role("CN", 2, 4, Rule.STATE_ACTOR_NOUN)),
                List.of(role("CN", 2, 0, Rule.VICTIM_TARGET_NOUN)));

        assertThat(codes(SELECTOR.attributed(roles, 2, TOKENS, new ArrayList<>()))).containsExactly("CN");
    }

    @Test
    void victimsExcludeTheAttributedAndAListSharesItsStanding() {
        RoleClassifier.Roles roles = roles(List.of(), List.of(role("UA", 4, 0, Rule.VICTIM_PHRASE),
                role("AU", 1, 2, Rule.VICTIM_PHRASE).inList(2), role("BR", 1, 3, Rule.COORDINATION).inList(2),
                role("CL", 1, 4, Rule.COORDINATION).inList(2), role("RU", 4, 5, Rule.VICTIM_PHRASE)));

        List<Country> victims = SELECTOR.victims(roles, Set.of("RU"), TOKENS, new ArrayList<>());

        // AU, BR and CL miss half of UA's 4, but three listed together stand together.
        assertThat(codes(victims)).containsExactly("UA", "AU", "BR", "CL");
    }

    @Test
    void anAccuserCountsOnceHoweverOftenItAccuses() {
        RoleClassifier.Roles roles = roles(List.of(), List.of(role("GB", 0.5, 1, Rule.VICTIM_ACCUSER),
                role("GB", 0.5, 2, Rule.VICTIM_ACCUSER), role("GB", 0.5, 3, Rule.VICTIM_ACCUSER),
                role("UA", 1, 4, Rule.VICTIM_PHRASE), role("DE", 0.5, 5, Rule.VICTIM_PHRASE_WEAK)));

        assertThat(codes(SELECTOR.victims(roles, Set.of(), TOKENS, new ArrayList<>())))
                .containsExactly("UA", "GB", "DE");
    }

    @Test
    void withoutAWrittenVictimTheHomeOfTheInstitutionsIsTheVictim() {
        Match<Entity> ministry = new Match<>(1, 2, new Entity(Kind.INSTITUTION, "KR", null, false, "lang/ko:x"));
        RoleClassifier.Roles roles = new RoleClassifier.Roles(List.of(), List.of(), Map.of(),
                List.of(ministry, ministry), List.of());
        List<Evidence> evidence = new ArrayList<>();

        assertThat(codes(SELECTOR.victims(roles, Set.of(), TOKENS, evidence))).containsExactly("KR");
        assertThat(evidence).extracting(Evidence::rule).containsExactly("victim-institution", "victim-institution");
        assertThat(SELECTOR.victims(roles, Set.of("KR"), TOKENS, new ArrayList<>())).isEmpty();
    }

    @Test
    void anAddedVictimCountsFromTheMinimumWhateverTheMainOneWeighs() {
        RoleClassifier.Roles roles = roles(List.of(), List.of(role("DE", 1, 1, Rule.VICTIM_PHRASE),
                role("DE", 1, 2, Rule.VICTIM_PHRASE), role("DE", 1, 3, Rule.VICTIM_PHRASE),
                role("CZ", 0.5, 4, Rule.VICTIM_ADDITION), role("FR", 0.5, 5, Rule.VICTIM_TARGET_NOUN)));

        // CZ and FR weigh a sixth of DE: FR misses the ratio, CZ is named as one more.
        assertThat(codes(SELECTOR.victims(roles, Set.of(), TOKENS, new ArrayList<>()))).containsExactly("DE", "CZ");
    }
}
