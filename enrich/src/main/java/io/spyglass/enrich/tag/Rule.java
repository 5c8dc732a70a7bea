package io.spyglass.enrich.tag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule the tagger applies, by the name the taxonomy's {@code rules} section and the evidence's {@code rule}
 * field use. The weighted rules are the ones a taxonomy may re-weight; the others only name evidence.
 */
enum Rule {
    ACTOR("actor"),
    CRIMINAL_ACTOR("criminal-actor"),
    UNATTRIBUTED_ACTOR("unattributed-actor"),
    STATE_LINK_WORD("state-link-word"),
    STATE_ACTOR_NOUN("state-actor-noun"),
    STATE_ACTOR_NOUN_QUALIFIED("state-actor-noun-qualified"),
    LINK_PHRASE("link-phrase"),
    AGENT_VERB("agent-verb"),
    ACCUSATION("accusation"),
    AGENCY_MENTION("agency-mention"),
    VICTIM_PHRASE("victim-phrase"),
    VICTIM_PHRASE_WEAK("victim-phrase-weak"),
    VICTIM_POSSESSIVE("victim-possessive"),
    /**
     * The state that accuses another ("Netherlands accused Russian hackers", "Pékin accuse l'armée taïwanaise"): most
     * often the one hit, weakly; it counts once however often it accuses.
     */
    VICTIM_ACCUSER("victim-accuser"),
    VICTIM_TARGET_NOUN("victim-target-noun"),
    /** A state listed with one that has a role shares it ("the NSA and GCHQ developed"). */
    COORDINATION("coordination"),
    /**
     * A state's own people as the target ("targeting Iranian dissidents", "российских журналистов в эмиграции"): a
     * victim even when the state is attributed, as it spies on its citizens, minorities and exiles.
     */
    VICTIM_OWN_PEOPLE("victim-own-people"),
    /**
     * A victim named as one more ({@code additions}: "Czech institutions were also hit", "本国部分政府机构也遭到攻击"):
     * it counts from victimMin, however much more the main victim weighs.
     */
    VICTIM_ADDITION("victim-addition"),
    /** The home state of the institutions an article names, when no victim is written. */
    VICTIM_INSTITUTION("victim-institution"),
    /** A CamelCase or digit-bearing name right before a malware noun ("ReverseRat backdoor"). */
    MALWARE_NAME("pattern:name+malware-noun"),
    TECHNIQUE_ID("pattern:attack-technique-id"),
    CVE_ID("pattern:cve-id");

    // The rules a taxonomy may weight: the first ones declared.
    private static final Set<Rule> WEIGHTED = EnumSet.range(ACTOR, VICTIM_TARGET_NOUN);
    /** The names of the weighted rules, in declaration order. */
    static final List<String> WEIGHTED_NAMES = WEIGHTED.stream().map(Rule::label).toList();

    private final String label;

    Rule(String label) {
        this.label = label;
    }

    /** The name written in taxonomy files and evidence; never null. */
    String label() {
        return label;
    }

    /** True when a taxonomy may give the rule weights. */
    boolean weighted() {
        return WEIGHTED.contains(this);
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
