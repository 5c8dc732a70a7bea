package io.spyglass.enrich.tag;

import java.util.Arrays;
import java.util.List;

/**
 * A rule the tagger applies, by the name the taxonomy's {@code rules} section and the evidence's {@code rule}
 * field use. The weighted rules are the ones a taxonomy may re-weight; the others only name evidence.
 */
enum Rule {
    ACTOR("actor", true),
    CRIMINAL_ACTOR("criminal-actor", true),
    UNATTRIBUTED_ACTOR("unattributed-actor", true),
    STATE_LINK_WORD("state-link-word", true),
    STATE_ACTOR_NOUN("state-actor-noun", true),
    STATE_ACTOR_NOUN_QUALIFIED("state-actor-noun-qualified", true),
    LINK_PHRASE("link-phrase", true),
    AGENT_VERB("agent-verb", true),
    ACCUSATION("accusation", true),
    AGENCY_MENTION("agency-mention", true),
    VICTIM_PHRASE("victim-phrase", true),
    VICTIM_PHRASE_WEAK("victim-phrase-weak", true),
    VICTIM_POSSESSIVE("victim-possessive", true),
    VICTIM_TARGET_NOUN("victim-target-noun", true),
    /** A state listed with one that has a role shares it ("the NSA and GCHQ developed"). */
    COORDINATION("coordination", false),
    /** The home state of the institutions an article names, when no victim is written. */
    VICTIM_INSTITUTION("victim-institution", false),
    /** A CamelCase or digit-bearing name right before a malware noun ("ReverseRat backdoor"). */
    MALWARE_NAME("pattern:name+malware-noun", false),
    TECHNIQUE_ID("pattern:attack-technique-id", false),
    CVE_ID("pattern:cve-id", false);

    /** The names of the weighted rules, in declaration order. */
    static final List<String> WEIGHTED_NAMES = Arrays.stream(values()).filter(r -> r.weighted)
            .map(Rule::label).toList();

    private final String label;
    private final boolean weighted;

    Rule(String label, boolean weighted) {
        this.label = label;
        this.weighted = weighted;
    }

    /** The name written in taxonomy files and evidence; never null. */
    String label() {
        return label;
    }

    /** True when a taxonomy may give the rule weights. */
    boolean weighted() {
        return weighted;
    }

    /**
     * The rule of a name.
     *
     * @throws IllegalArgumentException when no rule has that name
     */
    static Rule of(String label) {
        for (Rule r : values()) {
            if (r.label.equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown rule '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
