package io.spyglass.enrich.tag;

import java.util.Map;

/**
 * What one mention of a state or actor says: toward attribution or victimhood ({@code weight}), and what it adds to
 * the verdict's signals, times {@code boost} (the title weight or 1), over the tokens {@code first} to
 * {@code last - 1}.
 *
 * @param rule  the rule that found the role
 * @param actor the actor's canonical name for {@link Rule#ACTOR}, else null
 * @param list  the first token of the list of states the mention shares its role with ("targeting India, Nepal and
 *              Bhutan"), or -1
 */
record Role(String code, double weight, Map<String, Double> signals, double boost, int first, int last, Rule rule,
            String actor, int list) {

    /** A role of {@code rule}, in no list. */
    static Role of(String code, double weight, Map<String, Double> signals, int first, int last, Rule rule) {
        return new Role(code, weight, signals, 1, first, last, rule, null, -1);
    }

    /** The rule as evidence names it: the rule's name, or "actor:" and the actor's. */
    String evidenceRule() {
        return actor == null ? rule.label() : "actor:" + actor;
    }

    /** This role with its weight times {@code factor}, which becomes its boost. */
    Role boosted(double factor) {
        return new Role(code, weight * factor, signals, factor, first, last, rule, actor, list);
    }

    /** This role in the list that starts at token {@code list}. */
    Role inList(int list) {
        return new Role(code, weight, signals, boost, first, last, rule, actor, list);
    }
}
