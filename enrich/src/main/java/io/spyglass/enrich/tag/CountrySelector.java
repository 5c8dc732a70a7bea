package io.spyglass.enrich.tag;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Country;
import io.spyglass.model.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who and whom: the states an espionage article attributes and the countries it names as victims, from the roles
 * of its mentions, by the taxonomy's {@code selection} settings (docs/TAGGING.md, "Who and whom"). Immutable.
 */
final class CountrySelector {
    private static final int MAX_EVIDENCE_PER_VALUE = 5;
    /** States listed together as targets, at least this many, are all victims whatever the others' weight. */
    private static final int MIN_LIST_STANDING = 3;

    /**
     * What a country's summed weight must reach: {@code min} and {@code ratio} of the strongest's; when none does,
     * the strongest still counts from {@code lone} (0: never).
     */
    private record Bar(double min, double lone, double ratio) {
        /** The taxonomy's settings {@code prefix + "Min"}, {@code "LoneMin"} and {@code "Ratio"}; absent means 0. */
        static Bar of(Map<String, Double> selection, String prefix) {
            return new Bar(selection.getOrDefault(prefix + "Min", 0.0),
                    selection.getOrDefault(prefix + "LoneMin", 0.0), selection.getOrDefault(prefix + "Ratio", 0.0));
        }
    }

    private final Lexicon lexicon;
    private final Bar attributedBar;
    private final Bar victimBar;

    CountrySelector(Lexicon lexicon, Taxonomy taxonomy) {
        this.lexicon = lexicon;
        this.attributedBar = Bar.of(taxonomy.selection(), "attributed");
        this.victimBar = Bar.of(taxonomy.selection(), "victim");
    }

    /**
     * The attributed states, strongest first, with the strongest mentions of each added to {@code evidence}. A
     * state the title names as a target first loses its victim weight (see docs/TAGGING.md).
     *
     * @param titleTokens how many of the article's tokens are the title's
     */
    List<Country> attributed(RoleClassifier.Roles roles, int titleTokens, Tokens t, List<Evidence> evidence) {
        // A target noun alone ("chinesischen Botschafter", "Chinese embassy") names the state's people or places, not
        // an operation against it: only target phrases count against attribution.
        // Nor do its own people as targets ("Iranian hackers target Iranian dissidents").
        List<Role> targeted = roles.victims().stream()
                .filter(r -> r.rule() != Rule.VICTIM_TARGET_NOUN && r.rule() != Rule.VICTIM_OWN_PEOPLE).toList();
        return select(roles.attackers(), targeted, titleTokens, attributedBar, Set.of(), "attributed", t, evidence);
    }

    /**
     * The victims, strongest first, none of them attributed (but for its own people), with their strongest mentions added to
     * {@code evidence}; when no victim is phrased as one, the home state of the institutions the article names.
     */
    List<Country> victims(RoleClassifier.Roles roles, Set<String> attributed, Tokens t, List<Evidence> evidence) {
        // An attributed state is no victim, unless the article names its own people as targets.
        Set<String> exclude = new HashSet<>(attributed);
        roles.victims().stream().filter(r -> r.rule() == Rule.VICTIM_OWN_PEOPLE).forEach(r -> exclude.remove(r.code()));
        List<Country> found = select(roles.victims(), List.of(), 0, victimBar, exclude, "victims", t, evidence);
        return found.isEmpty() ? institutionVictim(roles.institutions(), attributed, t, evidence) : found;
    }

    /**
     * Countries whose summed weight, less what {@code against} says for the same country, reaches the bar;
     * strongest first.
     */
    private List<Country> select(List<Role> roles, List<Role> against, int titleTokens, Bar bar,
                                 Set<String> exclude, String tag, Tokens t, List<Evidence> evidence) {
        double min = bar.min();
        double lone = bar.lone();
        double ratio = bar.ratio();
        Map<String, Double> sum = new LinkedHashMap<>();
        // An accuser is one voice however often it accuses: its strongest accusation counts, once.
        Map<String, Double> accuser = new HashMap<>();
        for (Role r : roles) {
            boolean accuses = r.rule() == Rule.VICTIM_ACCUSER;
            sum.merge(r.code(), accuses ? 0 : r.weight(), Double::sum);
            if (accuses) {
                accuser.merge(r.code(), r.weight(), Math::max);
            }
        }
        accuser.forEach((code, w) -> sum.merge(code, w, Double::sum));
        // A state the title names as the target ("attacks on Russia's grid") is not the attacker: its victim
        // mentions throughout the article weigh against its mentions as an attacker. When the title also names
        // it as the attacker ("Russian hackers strike back after attacks on Russia"), only the title's count.
        Set<String> titleAttackers = new HashSet<>();
        roles.stream().filter(r -> r.first() < titleTokens).forEach(r -> titleAttackers.add(r.code()));
        Set<String> titleTargets = new HashSet<>();
        against.stream().filter(r -> r.first() < titleTokens).forEach(r -> titleTargets.add(r.code()));
        against.stream()
                .filter(r -> r.first() < titleTokens
                        || (titleTargets.contains(r.code()) && !titleAttackers.contains(r.code())))
                .forEach(r -> sum.computeIfPresent(r.code(), (c, v) -> v - r.weight()));
        // One more victim beside the main one ("… were also hit") stands by itself, not by the main one's weight, and
        // sets no bar for the others ("米通信大手に侵入、カナダでも被害").
        Set<String> added = new HashSet<>();
        Map<String, Double> unadded = new HashMap<>(sum);
        roles.stream().filter(r -> r.rule() == Rule.VICTIM_ADDITION).forEach(r -> {
            added.add(r.code());
            unadded.computeIfPresent(r.code(), (c, v) -> v - r.weight());
        });
        double max = unadded.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<String> codes = sum.entrySet().stream()
                .filter(e -> e.getValue() >= min && (e.getValue() >= ratio * max || added.contains(e.getKey()))
                        && !exclude.contains(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        // States listed together as targets share a standing: a list of three or more, or one with a member
        // selected, puts every member that reaches min in ("in Australia, Brazil, Chile, … and Vietnam" beside many
        // mentions of one other state).
        Set<String> chosen = new LinkedHashSet<>(codes);
        Map<Integer, Set<String>> lists = new HashMap<>();
        roles.stream().filter(r -> r.list() >= 0)
                .forEach(r -> lists.computeIfAbsent(r.list(), k -> new LinkedHashSet<>()).add(r.code()));
        lists.values().stream()
                .filter(members -> members.size() >= MIN_LIST_STANDING || members.stream().anyMatch(chosen::contains))
                .flatMap(Set::stream)
                .filter(c -> sum.get(c) >= min && !exclude.contains(c))
                .forEach(chosen::add);
        if (chosen.size() > codes.size()) {
            codes = chosen.stream().sorted(Comparator.comparingDouble((String c) -> sum.get(c)).reversed()).toList();
        }
        if (codes.isEmpty() && lone > 0 && max >= lone) {
            // Several weak mentions of one state (a bare "Cyber Command" throughout) still name the actor.
            codes = sum.entrySet().stream().filter(e -> e.getValue() == max && !exclude.contains(e.getKey()))
                    .map(Map.Entry::getKey).limit(1).toList();
        }
        List<Country> out = new ArrayList<>();
        for (String code : codes) {
            out.add(lexicon.country(code));
            // The strongest few mentions make the case; a long article may have dozens.
            roles.stream().filter(r -> r.code().equals(code))
                    .sorted(Comparator.comparingDouble(Role::weight).reversed().thenComparingInt(Role::first))
                    .limit(MAX_EVIDENCE_PER_VALUE)
                    .forEach(r -> evidence.add(t.evidence(tag, code, r.first(), r.last(), r.evidenceRule())));
        }
        return out;
    }

    /**
     * When no victim is phrased as one, the state whose own institutions the article names most ("外務省",
     * "국회", "国内", "Bundestag"), unless it is attributed: a ministry's press reports on hits at home without
     * naming the home country.
     */
    private List<Country> institutionVictim(List<Match<Entity>> institutions, Set<String> attributed, Tokens t,
                                            List<Evidence> evidence) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        institutions.forEach(m -> mentions.merge(m.payload().code(), 1, Integer::sum));
        String code = mentions.entrySet().stream().filter(e -> !attributed.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (code == null) {
            return List.of();
        }
        institutions.stream().filter(m -> m.payload().code().equals(code))
                .limit(MAX_EVIDENCE_PER_VALUE)
                .forEach(m -> evidence.add(t.evidence("victims", code, m.first(), m.last(),
                        Rule.VICTIM_INSTITUTION.label())));
        return List.of(lexicon.country(code));
    }
}
