package io.spyglass.enrich.tag;

import io.spyglass.enrich.tag.Lexicon.Term;
import io.spyglass.enrich.tag.Lexicon.TermKind;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Evidence;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The labels of an article: sectors, malware families, CVE ids and ATT&amp;CK techniques, each with its evidence
 * (docs/TAGGING.md, "Always"). Immutable and thread-safe.
 */
final class LabelExtractor {
    // Enterprise ATT&CK ids run T1001..T1699; requiring the leading 1 keeps "T800" and the like out.
    private static final Pattern TECHNIQUE = Pattern.compile("T1\\d{3}(?:\\.\\d{3})?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MIXED_CASE_NAME = Pattern.compile("(?:\\p{Lu}.*\\p{Lu}|.*\\d).*");

    private final Lexicon lexicon;

    LabelExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The matches of sector, malware and technique terms; the other methods take them. */
    List<Match<Term>> match(Tokens t) {
        return lexicon.labelTerms().match(t);
    }

    /**
     * Distinct sectors outside the attackers' own description ("Russian military intelligence" is no defence
     * victim), most mentioned first, with the first mention of each as evidence.
     */
    List<String> sectors(Tokens t, List<Match<Term>> matches, List<Role> attackers, List<Evidence> evidence) {
        boolean[] attackerToken = new boolean[t.size()];
        attackers.forEach(r -> Arrays.fill(attackerToken, r.first(), r.last(), true));
        List<Match<Term>> victimSide = matches.stream().filter(m -> !attackerToken[m.first()]).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Evidence> first = new LinkedHashMap<>();
        for (Match<Term> m : victimSide) {
            Term term = m.payload();
            if (term.kind() == TermKind.SECTOR) {
                counts.merge(term.value(), 1, Integer::sum);
                first.computeIfAbsent(term.value(), v -> t.evidence("sectors", v, m.first(), m.last(), term.rule()));
            }
        }
        List<String> out = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        out.forEach(v -> evidence.add(first.get(v)));
        return out;
    }

    /** Listed families, plus CamelCase or digit-bearing names right before a malware noun ("ReverseRat backdoor"). */
    List<String> malware(Tokens t, List<Match<Term>> matches, List<Evidence> evidence) {
        Map<String, Evidence> found = new LinkedHashMap<>();
        for (Match<Term> m : matches) {
            if (m.payload().kind() == TermKind.MALWARE) {
                found.computeIfAbsent(m.payload().value(), v -> t.evidence("malware", v, m.first(), m.last(),
                        m.payload().rule()));
            }
        }
        WordSet nouns = lexicon.malwareNouns();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (nouns.contains(t.id(i + 1)) && Character.isUpperCase(t.firstChar(i)) && t.isWord(i)) {
                String name = t.original(i);
                if (name.length() > 3 && MIXED_CASE_NAME.matcher(name).matches() && !found.containsKey(name)
                        && !name.equals(name.toUpperCase(Locale.ROOT))) {
                    found.put(name, t.evidence("malware", name, i, i + 2, Rule.MALWARE_NAME.label()));
                }
            }
        }
        evidence.addAll(found.values());
        return List.copyOf(found.keySet());
    }

    /** CVE ids ("CVE-2021-26855", any case), upper-cased, in order of first appearance. */
    List<String> cves(Tokens t, List<Evidence> evidence) {
        Set<String> out = new LinkedHashSet<>();
        int cve = lexicon.cveId();
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.id(i) == cve && joinedByHyphen(t, i) && joinedByHyphen(t, i + 1)
                    && isDigits(t, i + 1, 4, 4) && isDigits(t, i + 2, 4, 7)) {
                String id = "CVE-" + t.original(i + 1) + "-" + t.original(i + 2);
                if (out.add(id)) {
                    evidence.add(t.evidence("cves", id, i, i + 3, Rule.CVE_ID.label()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Ids written as ATT&amp;CK ids, then ids of technique names, in order of first appearance. */
    List<String> techniques(Tokens t, List<Match<Term>> matches, List<Evidence> evidence) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < t.size(); i++) {
            int length = t.end(i) - t.start(i);
            boolean candidate = t.firstChar(i) == 'T' && (length == 5 || length == 9)
                    && t.charAt(t.start(i) + 1) == '1';
            if (candidate && TECHNIQUE.matcher(t.original(i)).matches() && ids.add(t.original(i))) {
                evidence.add(t.evidence("techniques", t.original(i), i, i + 1, Rule.TECHNIQUE_ID.label()));
            }
        }
        for (Match<Term> m : matches) {
            Term term = m.payload();
            if (term.kind() == TermKind.TECHNIQUE && ids.add(term.value())) {
                evidence.add(t.evidence("techniques", term.value(), m.first(), m.last(), term.rule()));
            }
        }
        return List.copyOf(ids);
    }

    private static boolean joinedByHyphen(Tokens t, int i) {
        return t.start(i + 1) == t.end(i) + 1 && t.span(i, i + 2).charAt(t.end(i) - t.start(i)) == '-';
    }

    private static boolean isDigits(Tokens t, int i, int min, int max) {
        int length = t.end(i) - t.start(i);
        return length >= min && length <= max && DIGITS.matcher(t.original(i)).matches();
    }
}
