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

    @Test
    void readsAttackersFromLinkWordsActorNounsPhrasesAndVerbs() {
        Sentence linked = Sentence.of("Kremlin-backed hackers struck");
        Sentence qualified = Sentence.of("Chinese military hackers struck");
        Sentence nationality = Sentence.of("Russian hackers struck");
        Sentence phrase = Sentence.of("a group linked to Iran struck");
        Sentence verb = Sentence.of("China purportedly hacked the ministry");

        assertThat(linked.attribution(0).rule()).isEqualTo(Rule.STATE_LINK_WORD);
        assertThat(linked.span(linked.attribution(0))).isEqualTo("Kremlin-backed");
        assertThat(qualified.attribution(0).rule()).isEqualTo(Rule.STATE_ACTOR_NOUN_QUALIFIED);
        assertThat(qualified.span(qualified.attribution(0))).isEqualTo("Chinese military hackers");
        assertThat(nationality.attribution(0).rule()).isEqualTo(Rule.STATE_ACTOR_NOUN);
        assertThat(phrase.attribution(0).rule()).isEqualTo(Rule.LINK_PHRASE);
        assertThat(phrase.span(phrase.attribution(0))).isEqualTo("linked to Iran");
        assertThat(verb.attribution(0).rule()).isEqualTo(Rule.AGENT_VERB);
        assertThat(verb.attribution(0).code()).isEqualTo("CN");
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
        Sentence phrase = Sentence.of("attacks targeting India");
        Sentence possessive = Sentence.of("Japan's classified defence networks");
        Sentence place = Sentence.of("hackers were active in Germany");
        Sentence target = Sentence.of("ministries in Japan");

        assertThat(phrase.victim(0).rule()).isEqualTo(Rule.VICTIM_PHRASE);
        assertThat(phrase.victim(0).weight()).isEqualTo(1);
        assertThat(possessive.victim(0).rule()).isEqualTo(Rule.VICTIM_POSSESSIVE);
        assertThat(place.victim(0).rule()).isEqualTo(Rule.VICTIM_PHRASE_WEAK);
        assertThat(place.victim(0).weight()).isEqualTo(0.5);
        assertThat(target.victim(0).rule()).isEqualTo(Rule.VICTIM_PHRASE);
    }

    @Test
    void reportersSourcesAndVendorsAreBystanders() {
        assertThat(Sentence.of("Japan said on Monday").bystander(0)).isTrue();
        assertThat(Sentence.of("according to the NSA").bystander(0)).isTrue();
        assertThat(Sentence.of("an Israeli firm sold it").bystander(0)).isTrue();
        assertThat(Sentence.of("Russian hackers struck").bystander(0)).isFalse();
    }

    @Test
    void aRegionOwnsItsInstitutions() {
        Lexicon japanese = new Lexicon(Lexicon.bundledTaxonomy().merge(Lexicon.languageTaxonomy("ja")), "ja");
        RoleRules rules = new RoleRules(japanese.cues(), Lexicon.bundledTaxonomy());
        Tokens tokens = Tokens.of("欧州各国の外務省", japanese.vocabulary());
        Match<Entity> ministry = japanese.entities().match(tokens).stream()
                .filter(m -> m.payload().kind() == Lexicon.Kind.INSTITUTION).findFirst().orElseThrow();

        assertThat(rules.regional(tokens, ministry)).isTrue();
    }
}
