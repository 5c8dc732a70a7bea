package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void mapsEveryRuleToItsNameAndBack() {
        for (Rule rule : Rule.values()) {
            assertThat(Rule.of(rule.label())).isSameAs(rule);
        }
    }

    @Test
    void keepsTheNamesThatTaxonomiesAndEvidenceUse() {
        assertThat(Rule.WEIGHTED_NAMES).containsExactly("actor", "criminal-actor", "unattributed-actor",
                "state-link-word", "state-actor-noun", "state-actor-noun-qualified", "link-phrase", "agent-verb",
                "accusation", "agency-mention", "victim-phrase", "victim-phrase-weak", "victim-possessive",
                "victim-accuser", "victim-target-noun");
        assertThat(Taxonomy.RULE_NAMES).isEqualTo(Rule.WEIGHTED_NAMES);
        assertThat(Rule.COORDINATION.label()).isEqualTo("coordination");
        assertThat(Rule.VICTIM_INSTITUTION.label()).isEqualTo("victim-institution");
        assertThat(Rule.CVE_ID.label()).isEqualTo("pattern:cve-id");
        assertThat(Rule.TECHNIQUE_ID.label()).isEqualTo("pattern:attack-technique-id");
        assertThat(Rule.MALWARE_NAME.label()).isEqualTo("pattern:name+malware-noun");
    }

    @Test
    void onlyTheRoleRulesAreWeighted() {
        assertThat(Rule.COORDINATION.weighted()).isFalse();
        assertThat(Rule.CVE_ID.weighted()).isFalse();
        assertThat(Rule.VICTIM_PHRASE.weighted()).isTrue();
    }

    @Test
    void rejectsAnUnknownName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rule.of("victim_phrase"));

        assertThat(e).hasMessage("Unknown rule 'victim_phrase'");
    }
}
