package io.spyglass.enrich.tag;

import io.spyglass.enrich.tag.Lexicon.Entity;
import io.spyglass.enrich.tag.PhraseMatcher.Match;

/**
 * The role rules that read a state mention's whole sentence rather than the words next to it: the state that accuses
 * another, the state that co-signs, the sentence that doubts the state was hit (docs/TAGGING.md, "Roles of each state
 * mention"). Immutable.
 */
final class SentenceRules {
    /** How many tokens a mention's sentence is read on each side of it for a doubt (a CJK sentence: ~100). */
    static final int MAX_SENTENCE_REACH = 120;
    /** How many words an accuser's sentence may run from it to the accusation ("China's police on Monday named"). */
    private static final int MAX_ACCUSATION_REACH = 8;
    /** The same in CJK text, in characters ("中国外交部の報道官は…米国を非難"). */
    private static final int MAX_CJK_ACCUSATION_REACH = 40;
    /** How many words may stand between an accuse verb and the state it accuses ("accuse l'armée taïwanaise"). */
    private static final int MAX_ACCUSED_REACH = 3;
    /** How many words a co-signing cue may stand from the state that signs ("signed by the US, Britain and Japan"). */
    private static final int MAX_COSIGN_REACH = 6;
    /** The same in CJK text, in characters ("南韓等國的網路安全機關共同署名"). */
    private static final int MAX_CJK_COSIGN_REACH = 15;
    /** How many words a background cue may stand from the state it puts in the past ("previously … in Iraq"). */
    private static final int MAX_BACKGROUND_REACH = 8;
    /** The same in CJK text, in characters. */
    private static final int MAX_CJK_BACKGROUND_REACH = 20;
    /** How many words an addition cue may stand from the victim it adds ("Czech institutions were also hit"). */
    private static final int MAX_ADDITION_REACH = 4;
    /** The same in CJK text, in characters ("本国部分政府机构也遭到"). */
    private static final int MAX_CJK_ADDITION_REACH = 8;

    private final Cues cues;

    SentenceRules(Cues cues) {
        this.cues = cues;
    }

    /**
     * The end of the accusation of another state that the mention's sentence makes after it, when the mention is the
     * sentence's first state (its subject, in every language here): an accuse verb with a state at most
     * {@value #MAX_ACCUSED_REACH} words after it ("names alleged NSA agents"), or a state with an accuse suffix after
     * it ("NSA를 지목", "米国を非難"); 0 when there is none within {@value #MAX_ACCUSATION_REACH} words (CJK: characters
     * {@value #MAX_CJK_ACCUSATION_REACH}).
     */
    int accusationAfter(Tokens t, Match<Entity> m, boolean[] stateToken) {
        for (int k = t.sentenceStart(m.first(), MAX_SENTENCE_REACH); k < m.first(); k++) {
            if (stateToken[k]) {
                return 0;
            }
        }
        int n = t.size();
        boolean cjk = m.last() < n && Tokens.isCjk(t.firstChar(m.last()));
        int to = Math.min(t.sentenceEnd(m.last(), MAX_SENTENCE_REACH),
                m.last() + (cjk ? MAX_CJK_ACCUSATION_REACH : MAX_ACCUSATION_REACH));
        for (int k = m.last(); k < to; k++) {
            int verb = cues.accuseVerbs().startsAt(t, k);
            if (verb > 0) {
                for (int q = k + verb, words = 0; q < n && words <= MAX_ACCUSED_REACH; q++, words++) {
                    if (stateToken[q]) {
                        return k + verb;
                    }
                }
            }
            // The accused state's last token, then its suffix, past a closing bracket ("국가안보국(NSA)을 지목").
            if (stateToken[k] && (k + 1 >= n || !stateToken[k + 1])) {
                int s = k + 1 < n && isClosing(t.firstChar(k + 1)) ? k + 2 : k + 1;
                int suffix = s < n ? cues.accuseSuffixes().startsAt(t, s) : 0;
                if (suffix > 0) {
                    return s + suffix;
                }
            }
        }
        return 0;
    }

    /**
     * True when the mention's sentence doubts that the state was hit: it denies or has not confirmed damage, only
     * fears it, or urges vigilance ({@code doubts}: "被害は確認されていない", "될 수 있다", "n'ont pas été touchés").
     */
    boolean doubted(Tokens t, Match<Entity> m) {
        return inSentenceWith(t, m, cues.doubts(), MAX_SENTENCE_REACH);
    }

    /**
     * True when a {@code cosigns} phrase stands within {@value #MAX_COSIGN_REACH} words of the mention (CJK:
     * {@value #MAX_CJK_COSIGN_REACH} characters) in its sentence: the state signs; a long sentence may also name the
     * victim further off ("… 米国の重要インフラに潜伏していたとする共同勧告を公表").
     */
    boolean cosigns(Tokens t, Match<Entity> m) {
        boolean cjk = Tokens.isCjk(t.firstChar(m.first()));
        return inSentenceWith(t, m, cues.cosigns(), cjk ? MAX_CJK_COSIGN_REACH : MAX_COSIGN_REACH);
    }

    /**
     * True when an {@code additions} cue stands within {@value #MAX_ADDITION_REACH} words of the mention (CJK:
     * {@value #MAX_CJK_ADDITION_REACH} characters) in its sentence: the victim is one more beside the main one.
     */
    boolean added(Tokens t, Match<Entity> m) {
        boolean cjk = Tokens.isCjk(t.firstChar(m.first()));
        return inSentenceWith(t, m, cues.additions(), cjk ? MAX_CJK_ADDITION_REACH : MAX_ADDITION_REACH);
    }

    /**
     * True when a {@code background} cue stands within {@value #MAX_BACKGROUND_REACH} words of the mention (CJK:
     * {@value #MAX_CJK_BACKGROUND_REACH} characters) in its sentence: a past operation ("previously documented OilRig
     * attacks in Saudi Arabia"), not the one reported.
     */
    boolean background(Tokens t, Match<Entity> m) {
        boolean cjk = Tokens.isCjk(t.firstChar(m.first()));
        return inSentenceWith(t, m, cues.background(), cjk ? MAX_CJK_BACKGROUND_REACH : MAX_BACKGROUND_REACH);
    }

    /** True when a phrase of {@code cue} stands in the mention's sentence at most {@code reach} tokens from it. */
    private static boolean inSentenceWith(Tokens t, Match<Entity> m, PhraseList cue, int reach) {
        int from = Math.max(t.sentenceStart(m.first(), MAX_SENTENCE_REACH), m.first() - reach);
        int to = Math.min(t.sentenceEnd(m.last(), MAX_SENTENCE_REACH), m.last() + reach);
        for (int k = from; k < to; k++) {
            if (cue.startsAt(t, k) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == '\uff09' || c == '\u300d' || c == '\u300f' || c == '"' || c == '\u201d';
    }
}
