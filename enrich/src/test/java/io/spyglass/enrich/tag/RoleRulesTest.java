package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleRulesTest {
    private static final Lexicon LEXICON = LexiconTest.ENGLISH;
    private static final RoleRules RULES = new RoleRules(LEXICON.cues(), Lexicon.bundledTaxonomy());
    private static final SentenceRules SENTENCE = new SentenceRules(LEXICON.cues());

    /** A sentence, its state mentions and the tokens they cover. */
    private record Sentence(Tokens tokens, List<Match<Entity>> mentions, boolean[] stateToken) {
        static Sentence of(String text) {
            Tokens tokens = Tokens.of(text, LEXICON.vocabulary());
            List<Match<Entity>> mentions = RoleClassifier.oneMentionPerState(LEXICON.entities().match(tokens));
            boolean[] stateToken = new boolean[tokens.size()];
            mentions.forEach(m -> Arrays.fill(stateToken, m.first(), m.last(), true));
            return new Sentence(tokens, mentions, stateToken);
        }

        Role attribution(int mention) {
            return RULES.attribution(tokens, mentions.get(mention), stateToken);
        }

        Role victim(int mention) {
            return RULES.victim(tokens, mentions.get(mention), stateToken);
        }

        boolean bystander(int mention) {
            return RULES.bystander(tokens, mentions.get(mention), stateToken);
        }

        String span(Role r) {
            return tokens.span(r.first(), r.last());
        }
    }

    /** The first mention's attribution in {@code text}: its rule and the words it spans. */
    private static void assertAttacker(String text, Rule rule, String span) {
        Sentence s = Sentence.of(text);
        Role role = s.attribution(0);

        assertThat(role).as(text).isNotNull();
        assertThat(role.rule()).as(text).isEqualTo(rule);
        assertThat(s.span(role)).as(text).isEqualTo(span);
    }

    private static void assertVictim(String text, Rule rule, double weight) {
        Role role = Sentence.of(text).victim(0);

        assertThat(role).as(text).isNotNull();
        assertThat(role.rule()).as(text).isEqualTo(rule);
        assertThat(role.weight()).as(text).isEqualTo(weight);
    }

    @Test
    void readsAttackersFromLinkWordsActorNounsPhrasesAndVerbs() {
        assertAttacker("Kremlin-backed hackers struck", Rule.STATE_LINK_WORD, "Kremlin-backed");
        assertAttacker("Chinese military hackers struck", Rule.STATE_ACTOR_NOUN_QUALIFIED, "Chinese military hackers");
        assertAttacker("Russian hackers struck", Rule.STATE_ACTOR_NOUN, "Russian hackers");
        assertAttacker("a group linked to Iran struck", Rule.LINK_PHRASE, "linked to Iran");
        assertAttacker("China purportedly hacked the ministry", Rule.AGENT_VERB, "China purportedly hacked");
        assertAttacker("officials accused Russia", Rule.ACCUSATION, "accused Russia");
        assertAttacker("the GRU said nothing", Rule.AGENCY_MENTION, "GRU");
    }

    @Test
    void weighsARoleByItsRule() {
        Role role = Sentence.of("Russian hackers struck").attribution(0);

        assertThat(role.weight()).isEqualTo(2);
        assertThat(role.signals()).containsEntry("state", 0.5);
        assertThat(role.boost()).isEqualTo(1);
    }

    @Test
    void aPassiveVerbIsNoAttribution() {
        Sentence s = Sentence.of("Ukraine targeted by hackers");

        assertThat(s.attribution(0)).isNull();
    }

    @Test
    void readsVictimsFromPhrasesPossessivesAndBarePlaces() {
        assertVictim("attacks targeting India", Rule.VICTIM_PHRASE, 1);
        assertVictim("Japan's classified defence networks", Rule.VICTIM_POSSESSIVE, 1);
        assertVictim("hackers were active in Germany", Rule.VICTIM_PHRASE_WEAK, 0.5);
        assertVictim("ministries in Japan", Rule.VICTIM_PHRASE, 1);
        assertVictim("the Indian government", Rule.VICTIM_TARGET_NOUN, 0.5);
    }

    @Test
    void reportersSourcesAndVendorsAreBystanders() {
        assertThat(Sentence.of("Japan said on Monday").bystander(0)).isTrue();
        assertThat(Sentence.of("according to the NSA").bystander(0)).isTrue();
        assertThat(Sentence.of("an Israeli firm sold it").bystander(0)).isTrue();
        assertThat(Sentence.of("Russian hackers struck").bystander(0)).isFalse();
    }

    // Issue 13: co-signers, reporters and states not hit are no victims.
    @Test
    void aStatesOwnAgencyIsNoTarget() {
        Sentence cosigner = Sentence.of("a senior official at Britain's National Cyber Security Centre");
        Sentence hit = Sentence.of("Japan's defence networks");

        assertThat(RULES.ownsAgency(cosigner.tokens(), cosigner.mentions().get(0), cosigner.stateToken())).isTrue();
        assertThat(cosigner.victim(0)).isNull();
        assertThat(Sentence.of("U.S. intelligence agencies").victim(0)).isNull();
        assertThat(RULES.ownsAgency(hit.tokens(), hit.mentions().get(0), hit.stateToken())).isFalse();
    }

    @Test
    void anAgencyThatReportsIsABystander() {
        assertThat(Sentence.of("Britain's intelligence agency said on Monday").bystander(0)).isTrue();
        assertThat(Sentence.of("Britain's intelligence agency was hacked").bystander(0)).isFalse();
    }

    @Test
    void aSentenceThatDoubtsTheHitGivesNoVictim() {
        Sentence doubted = Sentence.of("Firms in Canada were not affected. Ministries in Japan were hacked.");

        assertThat(SENTENCE.doubted(doubted.tokens(), doubted.mentions().get(0))).isTrue();
        assertThat(doubted.victim(0)).isNull();
        // The doubt stays in its sentence.
        assertThat(SENTENCE.doubted(doubted.tokens(), doubted.mentions().get(1))).isFalse();
        assertThat(doubted.victim(1).rule()).isEqualTo(Rule.VICTIM_PHRASE);
        assertThat(Sentence.of("hospitals in Japan could also be targeted").victim(0)).isNull();
    }

    @Test
    void aVictimNamedAsOneMoreIsAnAddition() {
        assertThat(Sentence.of("Ministries in Canada were also hacked.").victim(0).rule())
                .isEqualTo(Rule.VICTIM_ADDITION);
        assertThat(Sentence.of("Ministries in Canada were hacked. It was also a warning.").victim(0).rule())
                .isEqualTo(Rule.VICTIM_PHRASE);
    }

    @Test
    void aContextAliasStandsAsANameInCapitalsOrNextToAnActorNoun() {
        Lexicon japanese = LexiconTest.of("ja");
        RoleRules japaneseRules = new RoleRules(japanese.cues(), Lexicon.bundledTaxonomy());
        for (String text : List.of("the group Tick struck", "Tick hackers struck", "TICK struck", "攻撃集団「Tick」か")) {
            Lexicon lexicon = text.startsWith("攻") ? japanese : LEXICON;
            Tokens tokens = Tokens.of(text, lexicon.vocabulary());
            Match<Entity> tick = lexicon.entities().match(tokens).stream()
                    .filter(m -> m.payload().kind() == Lexicon.Kind.ACTOR).findFirst().orElseThrow();

            assertThat((lexicon == japanese ? japaneseRules : RULES).inContext(tokens, tick)).as(text).isTrue();
        }
        Tokens clock = Tokens.of("the clock went tick again", LEXICON.vocabulary());
        assertThat(LEXICON.entities().match(clock)).allMatch(m -> !RULES.inContext(clock, m));
    }

    @Test
    void aStateNamedWithAPastOperationIsNoVictim() {
        assertThat(Sentence.of("Researchers previously documented attacks in Iraq.").victim(0)).isNull();
        assertThat(Sentence.of("Researchers documented attacks in Iraq.").victim(0)).isNotNull();
    }

    @Test
    void anAgencyAfterAVictimPhraseIsNoAttacker() {
        Sentence hit = Sentence.of("Cyber Command disrupted IRGC networks");

        assertThat(hit.attribution(1)).isNull();
        assertThat(Sentence.of("a unit of the IRGC").attribution(0).rule()).isEqualTo(Rule.AGENCY_MENTION);
    }

    @Test
    void aGermanCompoundEndingWithAStateOrganIsAQualifiedActorNoun() {
        Lexicon german = LexiconTest.of("de");
        RoleRules rules = new RoleRules(german.cues(), Lexicon.bundledTaxonomy());
        Tokens tokens = Tokens.of("Ukrainischer Militärgeheimdienst hackt russischen Konzern", german.vocabulary());
        List<Match<Entity>> mentions = RoleClassifier.oneMentionPerState(german.entities().match(tokens));
        boolean[] stateToken = new boolean[tokens.size()];
        mentions.forEach(m -> Arrays.fill(stateToken, m.first(), m.last(), true));

        assertThat(rules.attribution(tokens, mentions.get(0), stateToken).rule())
                .isEqualTo(Rule.STATE_ACTOR_NOUN_QUALIFIED);
    }

    @Test
    void anAdjectivesNounMayHaveOneModifier() {
        assertThat(Sentence.of("Taiwanese semiconductor companies were hit.").victim(0).rule())
                .isEqualTo(Rule.VICTIM_TARGET_NOUN);
        assertThat(Sentence.of("spyware on Serbian independent journalists' phones").victim(0).rule())
                .isEqualTo(Rule.VICTIM_OWN_PEOPLE);
        assertThat(Sentence.of("Taiwanese officials and companies").victim(0)).isNull();
    }

    @Test
    void aPlaceAndACommaStandBetweenAVictimPhraseAndItsState() {
        assertThat(Sentence.of("a water utility in County Mayo, Ireland, lost service").victim(0).rule())
                .isEqualTo(Rule.VICTIM_PHRASE);
        assertThat(Sentence.of("officials in Paris, France said").victim(1)).isNull();
    }

    @Test
    void aCapitalAfterInAndAnotherStatesBodyThereAreNoTargets() {
        Sentence embassy = Sentence.of("The Russian embassy in London did not respond");

        assertThat(Sentence.of("officials in Washington believe").victim(0)).isNull();
        assertThat(embassy.victim(1)).isNull();
        assertThat(Sentence.of("hackers hit ministries in Kyiv").victim(0).rule()).isEqualTo(Rule.VICTIM_PHRASE);
    }

    @Test
    void aStatesOwnPeopleAsTargetsAreMarked() {
        assertThat(Sentence.of("a campaign targeting Iranian dissidents").victim(0).rule())
                .isEqualTo(Rule.VICTIM_OWN_PEOPLE);
        assertThat(Sentence.of("a campaign targeting Iranian ministries").victim(0).rule())
                .isEqualTo(Rule.VICTIM_PHRASE);
    }

    @Test
    void anAgencyNamedBeforeItsStateOwnsTheTargetNounInItsName() {
        Lexicon russian = LexiconTest.of("ru");
        RoleRules rules = new RoleRules(russian.cues(), Lexicon.bundledTaxonomy());
        Tokens agency = Tokens.of("Агентство кибербезопасности и защиты инфраструктуры США", russian.vocabulary());
        Tokens grid = Tokens.of("атаки на сети Украины", russian.vocabulary());
        Match<Entity> us = russian.entities().match(agency).get(0);
        Match<Entity> ua = russian.entities().match(grid).get(0);

        assertThat(rules.victim(agency, us, new boolean[agency.size()])).isNull();
        assertThat(rules.victim(grid, ua, new boolean[grid.size()])).isNotNull();
    }

    @Test
    void aReflexiveIsAnInstitutionOfItsSentencesFirstState() {
        Lexicon korean = LexiconTest.of("ko");
        RoleClassifier classifier = new RoleClassifier(korean, Lexicon.bundledTaxonomy(),
                new ScoringModel(Lexicon.bundledTaxonomy()));
        Tokens tokens = Tokens.of("중국 당국은 미국이 자국 연구기관을 해킹했다고 주장했다. 자국 기업도 피해를 입었다.",
                korean.vocabulary());
        List<Match<Entity>> found = RoleClassifier.oneMentionPerState(korean.entities().match(tokens));

        List<Match<Entity>> withReflexives = classifier.withReflexives(tokens, found);

        // The first sentence's "자국" is China's; the second sentence names no state, so its "자국" is nobody's.
        assertThat(withReflexives).hasSize(found.size() + 1);
        Match<Entity> own = withReflexives.stream().filter(m -> tokens.span(m.first(), m.last()).equals("자국"))
                .findFirst().orElseThrow();
        assertThat(own.payload().kind()).isEqualTo(Lexicon.Kind.INSTITUTION);
        assertThat(own.payload().code()).isEqualTo("CN");
    }

    @Test
    void aRegionOwnsItsInstitutions() {
        Lexicon japanese = LexiconTest.of("ja");
        RoleRules rules = new RoleRules(japanese.cues(), Lexicon.bundledTaxonomy());
        for (String text : List.of("欧州各国の外務省", "中東の通信会社や官公庁")) {
            Tokens tokens = Tokens.of(text, japanese.vocabulary());
            List<Match<Entity>> found = japanese.entities().match(tokens);
            boolean[] stateToken = new boolean[tokens.size()];
            found.forEach(m -> Arrays.fill(stateToken, m.first(), m.last(), true));
            Match<Entity> institution = found.stream()
                    .filter(m -> m.payload().kind() == Lexicon.Kind.INSTITUTION).findFirst().orElseThrow();

            assertThat(rules.regional(tokens, institution, stateToken)).as(text).isTrue();
        }
    }

    @Test
    void aStateBeforeAListOfNounsOwnsTheInstitutionInIt() {
        Lexicon japanese = LexiconTest.of("ja");
        RoleRules rules = new RoleRules(japanese.cues(), Lexicon.bundledTaxonomy());
        Tokens tokens = Tokens.of("トルコの通信事業者や官公庁を狙った", japanese.vocabulary());
        List<Match<Entity>> found = japanese.entities().match(tokens);
        boolean[] stateToken = new boolean[tokens.size()];
        found.forEach(m -> Arrays.fill(stateToken, m.first(), m.last(), true));
        Match<Entity> offices = found.stream().filter(m -> m.payload().kind() == Lexicon.Kind.INSTITUTION)
                .findFirst().orElseThrow();
        Match<Entity> turkey = found.get(0);

        assertThat(rules.possessiveBefore(tokens, offices.first(), stateToken)).isEqualTo(turkey.last());
    }
}
