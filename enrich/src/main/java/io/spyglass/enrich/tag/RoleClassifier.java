package io.spyglass.enrich.tag;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.Lexicon.Kind;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import io.spyglass.model.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds an article's states and actors and the role of each mention: attacker, victim or bystander, states listed
 * together sharing a role (docs/TAGGING.md, "Roles of each state mention"). Immutable and thread-safe.
 */
final class RoleClassifier {
    /**
     * The roles of one article's mentions.
     *
     * @param attackers    actors with a state, then states phrased as attackers, in the text's order within each
     * @param victims      states phrased as targets
     * @param actors       each actor named, by canonical name, with its first mention
     * @param institutions the mentions of states' institutions, owner resolved
     * @param actorSignals the signals that actors without a state (criminal or unattributed) add, in text order
     */
    record Roles(List<Role> attackers, List<Role> victims, Map<String, Evidence> actors,
                 List<Match<Entity>> institutions, List<ActorSignals> actorSignals) {

        /** Adds what the roles say to the verdict's signals: the actors' without a state first, then attackers'. */
        void addSignals(Map<String, Double> sums) {
            actorSignals.forEach(s -> ScoringModel.addSignals(sums, s.signals(), s.boost()));
            attackers.forEach(r -> ScoringModel.addSignals(sums, r.signals(), r.boost()));
        }
    }

    /** What one mention of an actor without a state adds to the signals, times {@code boost}. */
    record ActorSignals(Map<String, Double> signals, double boost) {
    }

    private final Lexicon lexicon;
    private final Taxonomy taxonomy;
    private final RoleRules rules;
    private final ScoringModel scoring;

    RoleClassifier(Lexicon lexicon, Taxonomy taxonomy, ScoringModel scoring) {
        this.lexicon = lexicon;
        this.taxonomy = taxonomy;
        this.rules = new RoleRules(lexicon.cues(), taxonomy);
        this.scoring = scoring;
    }

    /**
     * The roles of every state and actor mention in {@code tokens}, whose title (counted {@code titleWeight} times)
     * ends at character {@code titleEnd}.
     */
    Roles classify(Tokens tokens, int titleEnd) {
        List<Match<Entity>> mentions = withReflexives(tokens,
                oneMentionPerState(pressForms(tokens, lexicon.entities().match(tokens))));
        boolean[] stateToken = new boolean[tokens.size()];
        for (Match<Entity> m : mentions) {
            if (m.payload().kind() != Kind.ACTOR) {
                Arrays.fill(stateToken, m.first(), m.last(), true);
            }
        }
        // Home words change whose a mention is, not where it stands: the state tokens stay as they are.
        List<Match<Entity>> found = withHomeWords(tokens, mentions, stateToken);
        Map<Integer, String> stateEnds = new HashMap<>();
        for (Match<Entity> m : found) {
            Kind kind = m.payload().kind();
            if (kind != Kind.ACTOR && kind != Kind.AGENCY && kind != Kind.INSTITUTION) {
                stateEnds.put(m.last(), m.payload().code());
            }
        }
        List<Role> attributions = new ArrayList<>();
        List<Role> victimRoles = new ArrayList<>();
        Map<String, Evidence> actorsFound = new LinkedHashMap<>();
        List<ActorSignals> actorSignals = new ArrayList<>();
        List<Match<Entity>> states = new ArrayList<>();
        List<Match<Entity>> institutions = new ArrayList<>();
        Match<Entity> lastActor = null;
        for (Match<Entity> m : found) {
            Entity e = m.payload();
            double boost = scoring.boost(tokens.start(m.first()), titleEnd);
            if (e.kind() == Kind.ACTOR) {
                // One name listed for two actors (a galaxy entry and a taxonomy entry) names one of them.
                boolean sameSpan = lastActor != null && lastActor.first() == m.first() && lastActor.last() == m.last();
                if (sameSpan || rules.vendor(tokens, m) || (e.needsContext() && !rules.inContext(tokens, m))) {
                    continue;
                }
                lastActor = m;
                actorsFound.putIfAbsent(e.actor(), tokens.evidence("actors", e.actor(), m.first(), m.last(),
                        e.rule()));
                String country = lexicon.actorCountry(e.actor());
                if (lexicon.criminal(e.actor())) {
                    actorSignals.add(new ActorSignals(taxonomy.weightOf(Rule.CRIMINAL_ACTOR).signalsOrEmpty(), boost));
                } else if (country != null) {
                    Taxonomy.RuleWeight w = taxonomy.weightOf(Rule.ACTOR);
                    attributions.add(new Role(country, w.attributionOrZero() * boost, w.signalsOrEmpty(), boost,
                            m.first(), m.last(), Rule.ACTOR, e.actor(), -1));
                } else {
                    actorSignals.add(new ActorSignals(taxonomy.weightOf(Rule.UNATTRIBUTED_ACTOR).signalsOrEmpty(),
                            boost));
                }
                continue;
            }
            Match<Entity> owned = e.kind() == Kind.AGENCY || e.kind() == Kind.INSTITUTION
                    ? ownedAgency(tokens, m, stateEnds, stateToken) : m;
            if (owned.payload().kind() == Kind.INSTITUTION) {
                // "欧州各国の外務省" is some other states' ministry, which one unknown: no state's mention at all.
                if (rules.regional(tokens, m, stateToken)) {
                    continue;
                }
                institutions.add(owned);
            }
            if (!rules.bystander(tokens, m, stateToken)) {
                states.add(owned);
            }
        }
        roles(tokens, states, stateToken, titleEnd, attributions, victimRoles);
        return new Roles(attributions, victimRoles, actorsFound, institutions, actorSignals);
    }

    /** Classifies each state mention as attacker, victim or neither, into {@code attackers} and {@code victims}. */
    private void roles(Tokens tokens, List<Match<Entity>> states, boolean[] stateToken, int titleEnd,
                       List<Role> attackers, List<Role> victims) {
        Role[] attacker = new Role[states.size()];
        Role[] victim = new Role[states.size()];
        int[] listOf = new int[states.size()];
        Arrays.fill(listOf, -1);
        for (int i = 0; i < states.size(); i++) {
            boolean institution = states.get(i).payload().kind() == Kind.INSTITUTION;
            attacker[i] = institution ? null : rules.attribution(tokens, states.get(i), stateToken);
            victim[i] = attacker[i] == null ? rules.victim(tokens, states.get(i), stateToken) : null;
        }
        // "the NSA and GCHQ developed …", "targeting India and Pakistan": a listed state shares its neighbour's role.
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < states.size(); k++) {
                int i = pass == 0 ? k : states.size() - 1 - k;
                int j = pass == 0 ? i - 1 : i + 1;
                // The title's last word and the text's first are on two lines, but no list ("against Iran" / "US").
                if (j < 0 || j >= states.size()
                        || !listed(tokens, states.get(Math.min(i, j)), states.get(Math.max(i, j)))
                        || inTitle(tokens, states.get(i), titleEnd) != inTitle(tokens, states.get(j), titleEnd)) {
                    continue;
                }
                boolean weak = attacker[i] == null || attacker[i].rule() == Rule.AGENCY_MENTION;
                boolean roleless = weak && victim[i] == null;
                boolean institution = states.get(i).payload().kind() == Kind.INSTITUTION;
                if (roleless && !institution && attacker[j] != null && attacker[j].rule() != Rule.AGENCY_MENTION) {
                    attacker[i] = coordinated(attacker[j], states.get(i));
                } else if (attacker[i] == null && victim[j] != null && (roleless || victim[i] != null)) {
                    // "Netze amerikanischer und kanadischer Anbieter": targets listed together are one list, also
                    // when each has a cue of its own.
                    if (roleless) {
                        victim[i] = coordinated(victim[j], states.get(i));
                    }
                    listOf[j] = listOf[j] < 0 ? states.get(j).first() : listOf[j];
                    listOf[i] = listOf[j];
                }
            }
        }
        for (int i = 0; i < states.size(); i++) {
            double boost = scoring.boost(tokens.start(states.get(i).first()), titleEnd);
            if (attacker[i] != null) {
                attackers.add(attacker[i].boosted(boost));
            } else if (victim[i] != null) {
                victims.add(victim[i].boosted(boost).inList(listOf[i]));
            }
        }
    }

    /**
     * One match per state and span: a name listed twice for a state (as name and demonym, in countries.tsv and a
     * language file, or two spellings one stem) is one mention, not several; an institution wins over other kinds.
     */
    static List<Match<Entity>> oneMentionPerState(List<Match<Entity>> found) {
        List<Match<Entity>> out = new ArrayList<>(found.size());
        Match<Entity> last = null;
        for (Match<Entity> m : found) {
            boolean repeat = last != null && m.payload().kind() != Kind.ACTOR && last.payload().kind() != Kind.ACTOR
                    && last.first() == m.first() && last.last() == m.last()
                    && Objects.equals(last.payload().code(), m.payload().code());
            if (!repeat) {
                out.add(m);
                last = m;
            } else if (m.payload().kind() == Kind.INSTITUTION) {
                // A language file that lists a name as an institution ("Bundestag") overrides the table's kind.
                out.set(out.size() - 1, m);
                last = m;
            }
        }
        return out;
    }

    /**
     * {@code found} without the one-character press forms ({@link Kind#ABBREVIATION}) that do not stand as one: a form
     * counts where a word starts ("「米通信大手", "美 NSA"), not inside one ("南米", "15亿美元"); a Hangul one as a
     * whole word ("미 국무부", not "미사일"); a pair-only form beside another ("日米", "한미일"); a longer name over it
     * wins ("米国").
     */
    static List<Match<Entity>> pressForms(Tokens t, List<Match<Entity>> found) {
        Set<Integer> forms = new HashSet<>();
        Set<Integer> covered = new HashSet<>();
        // A state's name may follow a form in a pair ("日米当局": 日 and 米当局).
        Set<Integer> nameStarts = new HashSet<>();
        for (Match<Entity> m : found) {
            if (m.payload().kind() == Kind.ABBREVIATION) {
                forms.add(m.first());
            } else {
                if (m.payload().kind() != Kind.ACTOR) {
                    nameStarts.add(m.first());
                }
                for (int k = m.first(); k < m.last(); k++) {
                    covered.add(k);
                }
            }
        }
        if (forms.isEmpty()) {
            return found;
        }
        List<Match<Entity>> out = new ArrayList<>(found.size());
        for (Match<Entity> m : found) {
            Entity e = m.payload();
            if (e.kind() != Kind.ABBREVIATION) {
                out.add(m);
                continue;
            }
            int k = m.first();
            boolean pairedAfter = pairedAt(t, forms, covered, m.last(), 1) >= 0 || nameStarts.contains(m.last());
            boolean paired = pairedAfter || pairedAt(t, forms, covered, k - 1, -1) >= 0;
            // A pair starts a word as a whole ("、日米", not "毎日中継").
            int start = k;
            for (int left = pairedAt(t, forms, covered, k - 1, -1); left >= 0;
                 left = pairedAt(t, forms, covered, left - 1, -1)) {
                start = left;
            }
            boolean startsWord = startsWord(t, start);
            if (!startsWord && start != k) {
                // The form on the left ends a word ("25日、英選挙管理委員会"): this one stands alone.
                paired = pairedAfter;
                startsWord = startsWord(t, k);
            }
            if (!covered.contains(k) && startsWord && (paired || (!e.needsContext() && endsHangulWord(t, m)))) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The token of the press form at token {@code k}, or one step further past a middle dot or comma; -1 when there
     * is none.
     */
    private static int pairedAt(Tokens t, Set<Integer> forms, Set<Integer> covered, int k, int step) {
        if (k < 0 || k >= t.size()) {
            return -1;
        }
        boolean listMark = "・·、,".indexOf(t.firstChar(k)) >= 0;
        int at = listMark ? k + step : k;
        return at >= 0 && at < t.size() && forms.contains(at) && !covered.contains(at) ? at : -1;
    }

    /**
     * True unless a Hangul form runs on into a word ("미사일", "북쪽"): Hangul has no one-syllable words that are
     * forms, so one standing alone must end where it starts ("미 국무부", "북 해커").
     */
    private static boolean endsHangulWord(Tokens t, Match<Entity> m) {
        int next = m.last();
        return !isHangul(t.firstChar(m.first())) || next >= t.size() || t.start(next) > t.end(next - 1)
                || !isHangul(t.firstChar(next));
    }

    private static boolean isHangul(char c) {
        return c >= '\uac00' && c <= '\ud7a3';
    }

    private static boolean startsWord(Tokens t, int k) {
        return k == 0 || t.lineBreakBetween(k - 1, k) || !continuesWord(t.firstChar(k - 1));
    }

    /** True for a character that a word may run on from: a Han ideograph, a Hangul syllable, a digit or a Latin letter. */
    private static boolean continuesWord(char c) {
        boolean han = (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf')
                || (c >= '\uf900' && c <= '\ufaff');
        return han || isHangul(c) || Character.isDigit(c) || (c < 128 && Character.isLetter(c));
    }

    /**
     * {@code found} plus a mention for each reflexive ("자국", "自国", "本国": the subject's own country), as an
     * institution of the sentence's first state: "중국 당국이 … 미국 NSA가 자국 연구기관을 해킹" names China's institutes.
     */
    List<Match<Entity>> withReflexives(Tokens t, List<Match<Entity>> found) {
        PhraseList reflexives = lexicon.cues().reflexives();
        List<Match<Entity>> added = null;
        for (int k = 0; k < t.size(); k++) {
            int len = reflexives.startsAt(t, k);
            if (len == 0) {
                continue;
            }
            int start = t.sentenceStart(k, SentenceRules.MAX_SENTENCE_REACH);
            for (Match<Entity> m : found) {
                Kind kind = m.payload().kind();
                if (m.first() >= start && m.last() <= k && kind != Kind.ACTOR && kind != Kind.INSTITUTION) {
                    added = added == null ? new ArrayList<>() : added;
                    added.add(new Match<>(k, k + len, new Entity(Kind.INSTITUTION, m.payload().code(), null, false,
                            m.payload().rule())));
                    break;
                }
            }
            k += len - 1;
        }
        if (added == null) {
            return found;
        }
        List<Match<Entity>> out = new ArrayList<>(found);
        out.addAll(added);
        out.sort(Comparator.comparingInt((Match<Entity> m) -> m.first()));
        return out;
    }

    /**
     * {@code found} with each home word ({@code homeWords}: "国内", "わが国", "국내", the home state's by the lists) given
     * to its sentence's first state instead, when that state neither attacks nor is a vendor's nationality there:
     * "ドイツ政府は…国内の防衛企業" names Germany's firms, "イラン政府は…国内の金融機関" Iran's, while "中国のハッカー集団が国内の
     * 防衛産業を狙った" and "米セキュリティー企業によると、国内の" keep the home press's own country.
     */
    List<Match<Entity>> withHomeWords(Tokens t, List<Match<Entity>> found, boolean[] stateToken) {
        PhraseList homeWords = lexicon.cues().homeWords();
        List<Match<Entity>> out = null;
        for (int i = 0; i < found.size(); i++) {
            Match<Entity> home = found.get(i);
            if (home.payload().kind() == Kind.ACTOR
                    || homeWords.startsAt(t, home.first()) != home.last() - home.first()) {
                continue;
            }
            int start = t.sentenceStart(home.first(), SentenceRules.MAX_SENTENCE_REACH);
            Match<Entity> subject = null;
            for (Match<Entity> m : found) {
                Kind kind = m.payload().kind();
                if (m.first() >= home.first()) {
                    break;
                }
                if (m.first() >= start && kind != Kind.ACTOR && kind != Kind.INSTITUTION) {
                    subject = m;
                    break;
                }
            }
            if (subject == null || subject.payload().code().equals(home.payload().code())) {
                continue;
            }
            if (rules.attribution(t, subject, stateToken) != null || rules.vendorNationality(t, subject)) {
                continue;
            }
            out = out == null ? new ArrayList<>(found) : out;
            Entity e = home.payload();
            out.set(i, new Match<>(home.first(), home.last(), new Entity(Kind.INSTITUTION, subject.payload().code(),
                    null, false, e.rule())));
        }
        return out == null ? found : out;
    }

    private static boolean inTitle(Tokens t, Match<Entity> m, int titleEnd) {
        return t.start(m.first()) < titleEnd;
    }

    /**
     * An agency or institution named with its state ("Belarus's KGB", "Belarusian KGB", "トルコの通信事業者や官公庁")
     * belongs to that state, whatever the table says: some agency names are used by more than one state, and a
     * generic body ("官公庁", "国内") is the home state's only when no other state owns it.
     */
    private Match<Entity> ownedAgency(Tokens t, Match<Entity> m, Map<Integer, String> stateEnds,
                                      boolean[] stateToken) {
        int possessive = rules.possessiveBefore(t, m.first(), stateToken);
        int at = possessive >= 0 ? possessive : m.first();
        String owner = stateEnds.get(at);
        if (owner == null || owner.equals(m.payload().code())) {
            return m;
        }
        Entity e = m.payload();
        return new Match<>(m.first(), m.last(), new Entity(e.kind(), owner, e.actor(), e.needsContext(), e.rule()));
    }

    /**
     * True when only list glue stands between two mentions: commas, "and", "or", "the", "as well as", or a line
     * break ("include the U.S., the U.K. and Egypt", one country per line).
     */
    private boolean listed(Tokens t, Match<Entity> left, Match<Entity> right) {
        int gap = right.first() - left.last();
        if (gap == 0) {
            // "日米", "한미": press forms written together are a list.
            boolean pair = left.payload().kind() == Kind.ABBREVIATION && right.payload().kind() == Kind.ABBREVIATION;
            return pair || t.lineBreakBetween(left.last() - 1, right.first());
        }
        if (gap > 3) {
            return false;
        }
        for (int k = left.last(); k < right.first(); k++) {
            if (!lexicon.cues().listGlue().contains(t.id(k))) {
                return false;
            }
        }
        return true;
    }

    private static Role coordinated(Role from, Match<Entity> m) {
        return Role.of(m.payload().code(), from.weight(), from.signals(), m.first(), m.last(), Rule.COORDINATION);
    }
}
