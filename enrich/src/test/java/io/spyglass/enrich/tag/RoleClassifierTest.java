package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleClassifierTest {
    private static final Lexicon LEXICON = LexiconTest.ENGLISH;
    private static final Taxonomy TAXONOMY = Lexicon.bundledTaxonomy();
    private static final RoleClassifier CLASSIFIER = new RoleClassifier(LEXICON, TAXONOMY, new ScoringModel(TAXONOMY));

    private static RoleClassifier.Roles classify(String title, String text) {
        return CLASSIFIER.classify(Tokens.of(title + "\n" + text, LEXICON.vocabulary()), title.length());
    }

    @Test
    void separatesTheAttackerFromTheVictims() {
        RoleClassifier.Roles roles = classify("", "Chinese hackers have been targeting India.");

        assertThat(roles.attackers()).extracting(Role::code, Role::rule, Role::weight)
                .containsExactly(tuple("CN", Rule.STATE_ACTOR_NOUN, 2.0));
        assertThat(roles.victims()).extracting(Role::code, Role::rule)
                .containsExactly(tuple("IN", Rule.VICTIM_PHRASE));
    }

    @Test
    void aListedStateSharesItsNeighboursRoleAndList() {
        RoleClassifier.Roles roles = classify("", "The campaign is targeting India, Nepal and Bhutan.");

        assertThat(roles.victims()).extracting(Role::code, Role::rule)
                .containsExactly(tuple("IN", Rule.VICTIM_PHRASE), tuple("NP", Rule.COORDINATION),
                        tuple("BT", Rule.COORDINATION));
        // The list starts at India's own token (4), not at "targeting" (3), where its role starts.
        assertThat(roles.victims().get(0).first()).isEqualTo(3);
        assertThat(roles.victims()).extracting(Role::list).containsOnly(4);
    }

    @Test
    void countsTheTitleTitleWeightTimes() {
        RoleClassifier.Roles roles = classify("Russian hackers strike", "Russian hackers struck again.");

        assertThat(roles.attackers()).extracting(Role::weight, Role::boost)
                .containsExactly(tuple(4.0, 2.0), tuple(2.0, 1.0));
    }

    @Test
    void anActorAttributesItsStateAndACriminalGroupOnlyAddsSignals() {
        RoleClassifier.Roles roles = classify("", "Fancy Bear and FIN7 were both active.");

        assertThat(roles.attackers()).extracting(Role::code, Role::evidenceRule)
                .containsExactly(tuple("RU", "actor:APT28"));
        assertThat(roles.actors()).containsOnlyKeys("APT28", "FIN7");
        assertThat(roles.actors().get("APT28"))
                .isEqualTo(new Evidence("actors", "APT28", "Fancy Bear", 1, "actors:APT28"));
        Map<String, Double> sums = new HashMap<>();
        roles.addSignals(sums);
        // FIN7: crime 1.5, cyber 1; APT28: state 2, cyber 1.
        assertThat(sums).containsExactlyInAnyOrderEntriesOf(Map.of("crime", 1.5, "cyber", 2.0, "state", 2.0));
    }

    @Test
    void aReportingStateHasNoRole() {
        RoleClassifier.Roles roles = classify("", "Japan said Chinese hackers struck.");

        assertThat(roles.attackers()).extracting(Role::code).containsExactly("CN");
        assertThat(roles.victims()).isEmpty();
    }

    @Test
    void anAgencyNamedWithItsStateBelongsToThatState() {
        RoleClassifier.Roles roles = classify("", "Belarus's KGB hacked the ministry.");

        assertThat(roles.attackers()).extracting(Role::code).containsOnly("BY");
    }

    @Test
    void keepsOneMentionPerStateAndSpan() {
        Tokens tokens = Tokens.of("Japan", LEXICON.vocabulary());
        List<Match<Entity>> twice = new ArrayList<>(LEXICON.entities().match(tokens));
        twice.add(twice.get(0));

        assertThat(RoleClassifier.oneMentionPerState(twice)).hasSize(1);
    }

    @Test
    void targetsListedTogetherFormOneListEvenWithCuesOfTheirOwn() {
        RoleClassifier.Roles roles = classify("", "Attacks on American and Canadian telecommunications firms went on.");

        assertThat(roles.victims()).extracting(Role::code, Role::rule)
                .containsExactly(tuple("US", Rule.VICTIM_PHRASE), tuple("CA", Rule.VICTIM_TARGET_NOUN));
        assertThat(roles.victims()).extracting(Role::list).containsOnly(roles.victims().get(0).list());
        assertThat(roles.victims().get(0).list()).isNotNegative();
    }

    @Test
    void theStateThatAccusesAnotherIsWeaklyAVictim() {
        RoleClassifier.Roles roles = classify("", "The Netherlands accused Russian hackers of breaching its police.");

        assertThat(roles.victims()).extracting(Role::code, Role::rule)
                .containsExactly(tuple("NL", Rule.VICTIM_ACCUSER));
        assertThat(roles.attackers()).extracting(Role::code).containsExactly("RU");
    }

    @Test
    void theAccuserMayStandSomeWordsFromTheStateItAccuses() {
        RoleClassifier.Roles roles = classify("", "China's police on Monday accused alleged NSA agents of attacks.");

        assertThat(roles.victims()).extracting(Role::code, Role::rule).containsExactly(tuple("CN", Rule.VICTIM_ACCUSER));
    }

    @Test
    void onlyTheSentencesFirstStateAccuses() {
        RoleClassifier.Roles roles = classify("", "Researchers in Germany said officials in Poland accused Russia.");

        assertThat(roles.victims()).filteredOn(r -> r.code().equals("PL")).extracting(Role::rule)
                .doesNotContain(Rule.VICTIM_ACCUSER);
    }

    @Test
    void statesNamedNextToWhoSignedAreNoVictims() {
        RoleClassifier.Roles roles = classify("", "Chinese hackers breached Australian networks. The advisory was "
                + "co-signed by agencies of Japan and South Korea.");

        assertThat(roles.victims()).extracting(Role::code).containsExactly("AU");
    }

    @Test
    void theWarInAStateIsWhereItIsNotATarget() {
        RoleClassifier.Roles roles = classify("", "The group drew lessons from the war in Ukraine.");

        assertThat(roles.victims()).isEmpty();
    }

    @Test
    void companiesAreTargetsAndAFirmIsAVendor() {
        assertThat(classify("", "Dozens of Israeli companies were hit.").victims()).extracting(Role::code, Role::rule)
                .containsExactly(tuple("IL", Rule.VICTIM_TARGET_NOUN));
        assertThat(classify("", "An Israeli firm found the implant in ministries.").victims()).isEmpty();
    }

    /** The codes of the press forms that stand as states in {@code text}. */
    private static List<String> pressForms(Lexicon lexicon, String text) {
        Tokens tokens = Tokens.of(text, lexicon.vocabulary());
        return RoleClassifier.pressForms(tokens, lexicon.entities().match(tokens)).stream()
                .filter(m -> m.payload().kind() == Lexicon.Kind.ABBREVIATION).map(m -> m.payload().code()).toList();
    }

    @Test
    void aPressCharacterInsideAWordIsNoState() {
        Lexicon japanese = LexiconTest.of("ja");
        for (String text : List.of("南米の企業", "毎日中継", "15億米ドル")) {
            assertThat(pressForms(japanese, text)).as(text).isEmpty();
        }
    }

    @Test
    void aFormAfterOneThatEndsAWordStandsAlone() {
        assertThat(pressForms(LexiconTest.of("ja"), "25日、英選挙管理委員会")).containsExactly("GB");
    }

    @Test
    void aHangulFormCountsAsAWholeWordOnly() {
        Lexicon korean = LexiconTest.of("ko");
        for (String text : List.of("미사일 발사", "북쪽 해안", "여러 나라 외교관")) {
            assertThat(pressForms(korean, text)).as(text).isEmpty();
        }
        assertThat(pressForms(korean, "러 외교관 감시")).containsExactly("RU");
    }

    @Test
    void aHomeWordBelongsToItsSentencesSubjectUnlessThatStateAttacks() {
        Lexicon japanese = LexiconTest.of("ja");
        Taxonomy taxonomy = Lexicon.bundledTaxonomy().merge(Lexicon.languageTaxonomy("ja"));
        RoleClassifier classifier = new RoleClassifier(japanese, taxonomy, new ScoringModel(taxonomy));
        Map<String, String> owner = Map.of(
                "ドイツ政府は3日、国内の防衛企業が不正アクセスを受けたと発表した。", "DE",
                "中国のハッカー集団が国内の防衛産業を狙った。", "JP",
                "米セキュリティー企業によると、国内の企業も標的になった。", "JP");
        owner.forEach((text, code) -> {
            RoleClassifier.Roles roles = classifier.classify(Tokens.of("\n" + text, japanese.vocabulary()), 0);

            assertThat(roles.institutions()).as(text).extracting(m -> m.payload().code()).containsExactly(code);
        });
    }
}
