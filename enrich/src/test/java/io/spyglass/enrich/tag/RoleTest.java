package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void namesItsRuleAsEvidenceDoes() {
        Role phrase = Role.of("IN", 1, Map.of(), 0, 2, Rule.VICTIM_PHRASE);
        Role actor = new Role("RU", 2, Map.of(), 1, 0, 2, Rule.ACTOR, "APT28", -1);

        assertThat(phrase.evidenceRule()).isEqualTo("victim-phrase");
        assertThat(actor.evidenceRule()).isEqualTo("actor:APT28");
    }

    @Test
    void boostingMultipliesTheWeightAndKeepsTheFactor() {
        Role role = Role.of("CN", 2, Map.of("state", 0.5), 3, 5, Rule.STATE_ACTOR_NOUN).boosted(2);

        assertThat(role.weight()).isEqualTo(4);
        assertThat(role.boost()).isEqualTo(2);
        assertThat(role.signals()).containsEntry("state", 0.5);
        assertThat(role.list()).isEqualTo(-1);
    }

    @Test
    void joinsAListByItsFirstToken() {
        Role role = Role.of("PK", 1, Map.of(), 7, 8, Rule.COORDINATION).inList(5);

        assertThat(role.list()).isEqualTo(5);
        assertThat(role.first()).isEqualTo(7);
        assertThat(role.rule()).isEqualTo(Rule.COORDINATION);
    }
}
