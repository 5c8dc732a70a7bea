package io.spyglass.enrich.tag;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.Lexicon.Kind;
import io.spyglass.enrich.tag.PhraseMatcher.Match;
import java.util.Locale;
import java.util.Map;

/**
 * The cue rules that read one state mention's role from the words around it: attacker, victim or bystander
 * (docs/TAGGING.md, "Roles of each state mention"). Each method looks at one mention; lists are the
 * {@link RoleClassifier}'s. {@code stateToken} marks the tokens of every state mention of the article. Immutable.
 */
final class RoleRules {
    // How many CJK characters may stand between a possessive particle and the noun or victim cue it leads to.
    private static final int MAX_CJK_POSSESSIVE_REACH = 10;
    /** How many characters a CJK compound may run from a state to its target noun ("韩国加密货币交易所"). */
    private static final int MAX_CJK_COMPOUND_REACH = 6;
    // How many words may stand between a target noun and the state adjective after it ("entreprises de défense
    // sud-coréennes").
    private static final int MAX_TARGET_NOUN_BEFORE_REACH = 3;
    /** How many words an agency's name may run from its noun to a target noun before the state (ru, fr genitives). */
    private static final int MAX_AGENCY_NAME_REACH = 3;
    /** How many capitalised words a place before a state and a comma may have ("in County Mayo, Ireland"). */
    private static final int MAX_PLACE_WORDS = 3;

    private final Cues cues;
    private final Taxonomy taxonomy;
    private final SentenceRules sentence;

    RoleRules(Cues cues, Taxonomy taxonomy) {
        this.cues = cues;
        this.taxonomy = taxonomy;
        this.sentence = new SentenceRules(cues);
    }

    /** The attribution one state mention makes, or null when it is not phrased as the attacker. */
    Role attribution(Tokens t, Match<Entity> m, boolean[] stateToken) {
        String code = m.payload().code();
        int n = t.size();
        int after = m.last();
        if (after < n && cues.linkWords().startsAt(t, after) > 0) {
            return attributionRole(code, Rule.STATE_LINK_WORD, m.first(), after + cues.linkWords().startsAt(t, after));
        }
        // "中国を非難": languages whose verbs follow their object accuse after the name.
        int accusedAfter = after < n ? cues.accuseSuffixes().startsAt(t, after) : 0;
        if (accusedAfter > 0) {
            return attributionRole(code, Rule.ACCUSATION, m.first(), after + accusedAfter);
        }
        int k = after;
        boolean qualified = false;
        for (int skipped = 0; k < n && skipped < 4; skipped++) {
            if (cues.actorNouns().startsAt(t, k) > 0) {
                break;
            }
            int len = cues.modifiers().startsAt(t, k);
            if (len == 0 && cues.possessives().contains(t.id(k))) {
                // "中国の軍のハッカー": a possessive particle joins the modifiers as "'s" does in "Tehran's".
                len = 1;
            }
            if (len == 0) {
                break;
            }
            qualified |= cues.stateModifiers().startsAt(t, k) > 0;
            k += len;
        }
        // "Kremlin-backed" and "Tehran's hackers" name a state behind an actor; "Chancellery unit" names an office.
        boolean owner = m.payload().kind() != Kind.CAPITAL
                || (after < n && cues.possessives().contains(t.id(after)));
        // "Israel's Unit 8200" is an agency with its own mention, not the noun of this one.
        int noun = k < n && owner && !stateToken[k] ? cues.actorNouns().startsAt(t, k) : 0;
        // "ukrainischer Militärgeheimdienst": a compound that ends with a state organ is a qualified actor noun.
        if (noun == 0 && k < n && owner && !stateToken[k]) {
            noun = cues.actorCompoundHeads().at(t, k);
            qualified |= noun > 0;
        }
        if (noun > 0) {
            // "Chinese hackers" names a nationality; "Chinese military hackers" and "Russian intelligence
            // officers" name a state behind them.
            for (int q = k; q < k + noun; q++) {
                qualified |= cues.stateModifiers().startsAt(t, q) > 0;
            }
            return attributionRole(code, actorNoun(m, qualified), m.first(), k + noun);
        }
        int before = skipBack(t, m.first(), stateToken);
        int link = cues.linkPhrases().endsAt(t, before);
        if (link > 0) {
            return attributionRole(code, Rule.LINK_PHRASE, before - link, m.last());
        }
        Role nounBefore = actorNounBefore(t, m, before);
        if (nounBefore != null) {
            return nounBefore;
        }
        // "China purportedly hacked", "Russia has also targeted": hedges may stand before the verb.
        int v = after;
        for (int skipped = 0; v < n && skipped < 3; skipped++) {
            int hedge = cues.hedges().startsAt(t, v);
            if (hedge == 0) {
                break;
            }
            v += hedge;
        }
        int verb = cues.agentVerbs().startsAt(t, v);
        if (verb > 0 && !(v + verb < n && cues.passiveMarkers().contains(t.id(v + verb)))) {
            return attributionRole(code, Rule.AGENT_VERB, m.first(), v + verb);
        }
        int accuse = cues.accuseVerbs().endsAt(t, before);
        if (accuse > 0) {
            return attributionRole(code, Rule.ACCUSATION, before - accuse, m.last());
        }
        // "disrupted IRGC drone-targeting network": an agency after a victim phrase is the target, not the attacker.
        int targeted = cues.victimPhrases().endsAt(t, before);
        boolean hit = targeted > 0 && !(targeted == 1 && cues.placeWords().contains(t.id(before - 1)));
        // "中国国家安全部称美国NSA…", "the FBI accused Chinese hackers": an agency that accuses is no attacker either.
        if (m.payload().kind() == Kind.AGENCY && !hit && sentence.accusationAfter(t, m, stateToken) == 0) {
            return attributionRole(code, Rule.AGENCY_MENTION, m.first(), m.last());
        }
        return null;
    }

    /**
     * A mention that says nothing of the state's role: it reports or comments ("Japan said", "U.S. officials
     * say", "according to the NSA"), or it is a vendor's nationality ("Israeli firm", "Italy's Hacking Team").
     */
    boolean bystander(Tokens t, Match<Entity> m, boolean[] stateToken) {
        int after = m.last();
        if (cues.reportVerbs().startsAt(t, after) > 0
                || cues.bystanderPrefixes().endsAt(t, skipBack(t, m.first(), stateToken)) > 0) {
            return true;
        }
        int k = after < t.size() && cues.possessives().contains(t.id(after)) ? after + 1 : after;
        // "Französischer Geheimdienst warnt", "Britain's intelligence agency said": the state's agency reports.
        int agency = k < t.size() ? cues.agencyNouns().startsAt(t, k) : 0;
        if (agency > 0 && k + agency < t.size() && cues.reportVerbs().startsAt(t, k + agency) > 0) {
            return true;
        }
        return vendorNationality(t, m);
    }

    /**
     * True when the mention is a vendor's nationality ("Israeli firm", "Italy's Hacking Team", "미국 블록체인 분석업체",
     * "la société américaine Mandiant").
     */
    boolean vendorNationality(Tokens t, Match<Entity> m) {
        int after = m.last();
        int k = after < t.size() && cues.possessives().contains(t.id(after)) ? after + 1 : after;
        // A CJK compound reaches its vendor noun over characters ("미국 블록체인 분석업체"), other languages over words.
        // A target noun on the way names what was hit ("日本の防衛関連企業の"), not a vendor.
        boolean cjk = k < t.size() && Tokens.isCjk(t.firstChar(k));
        int reach = cjk ? MAX_CJK_COMPOUND_REACH : 3;
        for (int skipped = 0; k < t.size() && skipped < reach && t.isWord(k); skipped++, k++) {
            if (cues.vendorNouns().startsAt(t, k) > 0) {
                return true;
            }
            if (cjk && skipped >= 3 && cues.targetNouns().startsAt(t, k) > 0) {
                break;
            }
        }
        // "la société américaine Mandiant": languages that put the adjective after its noun name the vendor first.
        return m.payload().kind() == Kind.DEMONYM && cues.vendorNouns().endsAt(t, m.first()) > 0;
    }

    /**
     * "pirates informatiques chinois", "hackers étatiques russes": the attacker's noun before a nationality that
     * follows it, as in French; null when none.
     */
    private Role actorNounBefore(Tokens t, Match<Entity> m, int before) {
        int p = before;
        boolean qualified = false;
        for (int skipped = 0; p > 0 && skipped < 4; skipped++) {
            if (cues.actorNounsBefore().endsAt(t, p) > 0) {
                break;
            }
            int len = cues.modifiers().endsAt(t, p);
            if (len == 0) {
                break;
            }
            qualified |= cues.stateModifiers().endsAt(t, p) > 0;
            p -= len;
        }
        int noun = p > 0 ? cues.actorNounsBefore().endsAt(t, p) : 0;
        // "Cyberattaques : la France accuse": a headline's colon ends the noun's phrase.
        if (noun == 0) {
            return null;
        }
        for (int q = p; q < m.first(); q++) {
            if (t.firstChar(q) == ':') {
                return null;
            }
        }
        return attributionRole(m.payload().code(), actorNoun(m, qualified), p - noun, m.last());
    }

    /** An actor noun names a state behind it when qualified ("military hackers") or said of an agency. */
    private static Rule actorNoun(Match<Entity> m, boolean qualified) {
        return qualified || m.payload().kind() == Kind.AGENCY ? Rule.STATE_ACTOR_NOUN_QUALIFIED : Rule.STATE_ACTOR_NOUN;
    }

    /**
     * The victimhood one state mention states, or null; a target that is the state's people ({@code peopleNouns}
     * right after the mention or the role: "Iranian dissidents", "targeting Russian journalists") is
     * {@link Rule#VICTIM_OWN_PEOPLE}.
     */
    Role victim(Tokens t, Match<Entity> m, boolean[] stateToken) {
        Role r = victimRole(t, m, stateToken);
        // "New Zealand's intelligence agency" co-signs or reports, and so does a state named next to who signed
        // ("co-signed by the US, Britain and Japan", "日本と南韓等國的網路安全機關共同署名"); "no similar damage in Japan
        // was confirmed" and
        // "Korea's infrastructure could also be targeted" name a state that was not hit. Tested only once a cue
        // has made a victim: reading the sentence costs more than the cue rules.
        if (r == null || ownsAgency(t, m, stateToken) || sentence.doubted(t, m) || sentence.cosigns(t, m)
                || sentence.background(t, m)) {
            return null;
        }
        // "Serbian independent journalists": a people noun after a modifier; not in CJK text, where a compound that
        // ends in 記者 is often another state's press.
        boolean modifiedPeople = !Tokens.isCjk(t.firstChar(m.first())) && cues.peopleNouns().endsAt(t, r.last()) > 0;
        if (people(t, m.last()) || people(t, r.last()) || modifiedPeople) {
            return Role.of(r.code(), r.weight(), r.signals(), r.first(), r.last(), Rule.VICTIM_OWN_PEOPLE);
        }
        return sentence.added(t, m) ? Role.of(r.code(), r.weight(), r.signals(), r.first(), r.last(),
                Rule.VICTIM_ADDITION) : r;
    }

    /** True when a people noun starts at token {@code k}, past a possessive. */
    private boolean people(Tokens t, int k) {
        int p = k < t.size() && cues.possessives().contains(t.id(k)) ? k + 1 : k;
        return p < t.size() && cues.peopleNouns().startsAt(t, p) > 0;
    }

    private Role victimRole(Tokens t, Match<Entity> m, boolean[] stateToken) {
        String code = m.payload().code();
        // "日本を標的に", "한국을 겨냥한": languages whose particles follow the noun name the target after it.
        int suffix = m.last() < t.size() ? cues.victimSuffixes().startsAt(t, m.last()) : 0;
        if (suffix > 0) {
            return victimRole(code, Rule.VICTIM_PHRASE, m.first(), m.last() + suffix);
        }
        // "Netherlands accused Russian hackers of …", "Pékin accuse l'armée taïwanaise", "중국 공안 당국이 … NSA를
        // 지목": the accuser is most often the one hit, weakly.
        int accusation = sentence.accusationAfter(t, m, stateToken);
        if (accusation > 0) {
            return victimRole(code, Rule.VICTIM_ACCUSER, m.first(), accusation);
        }
        int before = skipBack(t, m.first(), stateToken);
        int phrase = cues.victimPhrases().endsAt(t, before);
        int place = phrase == 0 ? placeBefore(t, before, stateToken) : -1;
        if (place > 0 && cues.victimPhrases().endsAt(t, place) > 0) {
            // "a water utility in County Mayo, Ireland": the phrase reaches the state over the place in it.
            before = place;
            phrase = cues.victimPhrases().endsAt(t, place);
        }
        if (phrase > 0 && agencyBefore(t, before - phrase)) {
            // "Агентство кибербезопасности и защиты инфраструктуры США": the target noun is inside the name of the
            // state's own agency, which languages with a genitive write before the state.
            return null;
        }
        if (phrase > 0) {
            // "in China" is only where something is, unless a target precedes it ("ministries in China").
            boolean where = cues.placeWords().contains(t.id(before - 1));
            int targetBefore = where && before >= 2 ? cues.targetNouns().endsAt(t, before - 1) : 0;
            boolean bareIn = phrase == 1 && where && targetBefore == 0;
            // "как полагают в Вашингтоне": a bare capital after "in" is where an opinion is held, not a target;
            // "the Russian embassy in London" is a state's body that sits in another.
            if ((bareIn && m.payload().kind() == Kind.CAPITAL)
                    || (targetBefore > 0 && owned(t, before - 1 - targetBefore, stateToken))) {
                return null;
            }
            return victimRole(code, bareIn ? Rule.VICTIM_PHRASE_WEAK : Rule.VICTIM_PHRASE, before - phrase, m.last());
        }
        // Languages that put the adjective after its noun name the target first: "des ministères ukrainiens".
        int p = m.first();
        for (int skipped = 0; p > 0 && skipped <= MAX_TARGET_NOUN_BEFORE_REACH; skipped++, p--) {
            int noun = cues.targetNounsBefore().endsAt(t, p);
            if (noun > 0) {
                return victimRole(code, Rule.VICTIM_TARGET_NOUN, p - noun, m.last());
            }
            if (!t.isWord(p - 1) || stateToken[p - 1]) {
                break;
            }
        }
        After after = after(t, m);
        boolean possessive = after.possessive();
        boolean cjk = after.cjk();
        int k = after.start();
        for (int skipped = 0; k < t.size() && skipped <= after.reach(); skipped++, k++) {
            // "Iran's Ministry of Intelligence" names the state's own agency, not a target.
            if (stateToken[k]) {
                break;
            }
            // A state's people are targets too ("iranische Oppositionelle"); so is a compound's ("spanisches
            // Luftfahrtunternehmen").
            int noun = Math.max(cues.targetNouns().startsAt(t, k), cues.peopleNouns().startsAt(t, k));
            if (noun == 0) {
                noun = cues.compoundHeads().at(t, k);
            }
            if (noun > 0) {
                return victimRole(code, possessive ? Rule.VICTIM_POSSESSIVE : Rule.VICTIM_TARGET_NOUN, m.first(),
                        k + noun);
            }
            boolean compound = cjk && Tokens.isCjk(t.firstChar(k));
            // "폴란드의 철도·항공·해운 관련 기업", "日本の防衛・外交機関": a middle dot lists nouns inside the phrase.
            if (cjk && isMiddleDot(t.firstChar(k))) {
                continue;
            }
            // "Taiwanese semiconductor companies", "Serbian independent journalists": an adjective's noun may have one
            // modifier of its own before it.
            boolean modifier = !cjk && skipped == 0 && m.payload().kind() == Kind.DEMONYM
                    && Character.isLowerCase(t.firstChar(k)) && !cues.listGlue().contains(t.id(k));
            if (!t.isWord(k) || !(possessive || compound || modifier)) {
                break;
            }
            int cue = skipped > 0 ? cues.victimSuffixes().startsAt(t, k) : 0;
            if (cue > 0) {
                return victimRole(code, Rule.VICTIM_POSSESSIVE, m.first(), k + cue);
            }
        }
        return null;
    }

    /**
     * Where the words after a mention start (past a possessive, "Japan's", "日本の") and how many a phrase on them may
     * skip: a possessive reaches over a few words to its noun ("Japan's classified defence networks"); in CJK text,
     * where every character is a token, over a few characters ("日本の暗号資産交換業者を標的"); without a particle, a
     * CJK compound runs from the state to its noun ("韩国加密货币交易所").
     */
    private record After(int start, boolean possessive, boolean cjk, int reach) {
    }

    private After after(Tokens t, Match<Entity> m) {
        int k = m.last();
        boolean possessive = k < t.size() && cues.possessives().contains(t.id(k));
        if (possessive) {
            k++;
        }
        boolean cjk = k < t.size() && Tokens.isCjk(t.firstChar(k));
        return new After(k, possessive, cjk, !cjk ? 2 : possessive ? MAX_CJK_POSSESSIVE_REACH : MAX_CJK_COMPOUND_REACH);
    }

    /**
     * True when the words after a mention name one of the state's agencies ("Britain's National Cyber Security
     * Centre", "ニュージーランドの情報機関", "미국 정보기관") before any target noun: the state co-signs or reports.
     */
    boolean ownsAgency(Tokens t, Match<Entity> m, boolean[] stateToken) {
        After after = after(t, m);
        int k = after.start();
        for (int skipped = 0; k < t.size() && skipped <= after.reach() && !stateToken[k]; skipped++, k++) {
            if (cues.agencyNouns().startsAt(t, k) > 0) {
                return true;
            }
            if (cues.targetNouns().startsAt(t, k) > 0 || !(t.isWord(k) || isMiddleDot(t.firstChar(k)))) {
                return false;
            }
        }
        return false;
    }

    /**
     * The start of the place name that a comma puts right before the mention at {@code before} ("in Hsinchu,
     * Taiwan", "in County Mayo, Ireland"): at most {@value #MAX_PLACE_WORDS} capitalised words, none a state's; -1
     * when there is none.
     */
    private static int placeBefore(Tokens t, int before, boolean[] stateToken) {
        if (before < 2 || !t.span(before - 1, before).equals(",")) {
            return -1;
        }
        int p = before - 1;
        while (p > 0 && before - 1 - p < MAX_PLACE_WORDS && t.isWord(p - 1) && !stateToken[p - 1]
                && Character.isUpperCase(t.firstChar(p - 1))) {
            p--;
        }
        return p < before - 1 ? p : -1;
    }

    /** True when an agency noun ends at most {@value #MAX_AGENCY_NAME_REACH} words before token {@code end}. */
    private boolean agencyBefore(Tokens t, int end) {
        for (int p = end, skipped = 0; p > 0 && skipped <= MAX_AGENCY_NAME_REACH && t.isWord(p - 1); p--, skipped++) {
            if (cues.agencyNouns().endsAt(t, p) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a state's mention stands right before token {@code end}, past articles ("the Russian embassy"): the
     * noun already has its state, which is the victim if any (its own mention says so).
     */
    private boolean owned(Tokens t, int end, boolean[] stateToken) {
        int p = end;
        while (p > 0 && cues.skippedBefore().contains(t.id(p - 1)) && !stateToken[p - 1]) {
            p--;
        }
        return p > 0 && stateToken[p - 1];
    }

    private static boolean isHiragana(char c) {
        return c >= '\u3041' && c <= '\u309f';
    }

    private static boolean isMiddleDot(char c) {
        return c == '\u00b7' || c == '\u30fb' || c == '\u2027';
    }

    /**
     * True when a region or a group of states owns an institution: "欧州各国の外務省", "госорганы Центральной Азии",
     * "ministries across Europe" name other states' bodies, not the home country's.
     */
    boolean regional(Tokens t, Match<Entity> m, boolean[] stateToken) {
        int possessive = possessiveBefore(t, m.first(), stateToken);
        int before = possessive >= 0 ? possessive : m.first();
        int after = m.last() < t.size() && cues.placeWords().contains(t.id(m.last())) ? m.last() + 1 : m.last();
        return (before > 0 && cues.regions().endsAt(t, before) > 0)
                || (after < t.size() && cues.regions().startsAt(t, after) > 0);
    }

    /**
     * The position of the possessive particle that owns the noun at {@code first}: right before it, or in CJK text
     * before a list of nouns it leads ("トルコの通信事業者や官公庁", "中東の通信会社や官公庁"); -1 when none. The
     * owner is whatever ends at that position.
     */
    int possessiveBefore(Tokens t, int first, boolean[] stateToken) {
        for (int p = first - 1, skipped = 0; p >= 0 && skipped <= MAX_CJK_POSSESSIVE_REACH; p--, skipped++) {
            if (cues.possessives().contains(t.id(p))) {
                return p;
            }
            // A hiragana other than the possessive and list glue is a particle that ends the phrase ("中国のハッカー集団が
            // 国内の…": が makes 国内 no part of China's list).
            char c = t.firstChar(p);
            boolean inPhrase = (t.isWord(p) && Tokens.isCjk(c) && !isHiragana(c)) || cues.listGlue().contains(t.id(p));
            if (stateToken[p] || !inPhrase || t.lineBreakBetween(p, p + 1)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * True when an actor's context-only alias ("Snake") stands as a name: written in capitals, or next to an actor
     * noun ("the Snake group", "攻撃集団「Tick」").
     */
    boolean inContext(Tokens t, Match<Entity> m) {
        String written = t.span(m.first(), m.last());
        boolean shouted = written.length() > 2 && written.equals(written.toUpperCase(Locale.ROOT));
        // "攻撃集団「Tick」", "the group Tick": an actor noun may also lead the name, past an opening quote.
        int before = m.first() > 0 && isOpening(t.firstChar(m.first() - 1)) ? m.first() - 1 : m.first();
        return shouted || (m.last() < t.size() && cues.actorNouns().startsAt(t, m.last()) > 0)
                || cues.actorNouns().endsAt(t, before) > 0;
    }

    private static boolean isOpening(char c) {
        return c == '\u300c' || c == '\u300e' || c == '"' || c == '\u201c' || c == '\u00ab' || c == '\'';
    }

    /** True when an actor's name is a vendor's ("Hacking Team" in vendorNouns): it sells tools, it is no actor. */
    boolean vendor(Tokens t, Match<Entity> m) {
        return cues.vendorNouns().startsAt(t, m.first()) == m.last() - m.first();
    }

    /** The position before a mention, past articles, possessives and other state words ("Iran's IRGC"). */
    private int skipBack(Tokens t, int first, boolean[] stateToken) {
        int p = first;
        for (int steps = 0; p > 0 && steps < 4; steps++) {
            boolean skippable = cues.skippedBefore().contains(t.id(p - 1));
            // A state word on an earlier line (the title's last word, a list above) is not part of this phrase.
            if (skippable || (stateToken[p - 1] && !t.lineBreakBetween(p - 1, p))) {
                p--;
            } else {
                break;
            }
        }
        return p;
    }

    private Role attributionRole(String code, Rule rule, int first, int last) {
        Taxonomy.RuleWeight w = taxonomy.weightOf(rule);
        return Role.of(code, w.attributionOrZero(), w.signalsOrEmpty(), first, last, rule);
    }

    private Role victimRole(String code, Rule rule, int first, int last) {
        return Role.of(code, taxonomy.weightOf(rule).victimOrZero(), Map.of(), first, last, rule);
    }
}
