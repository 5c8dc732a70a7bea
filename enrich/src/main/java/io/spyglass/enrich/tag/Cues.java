package io.spyglass.enrich.tag;

import java.util.Map;

/**
 * The taxonomy's cue lists for one language, as the role rules consult them: the phrase lists, and the lists that
 * are sets of single words (see docs/TAGGING-LANGUAGES.md for where each stands relative to a state mention).
 * Resolved once: looking them up by name cost a hash probe per use.
 */
record Cues(PhraseList accuseVerbs, PhraseList actorNouns, PhraseList agentVerbs, PhraseList bystanderPrefixes,
            PhraseList hedges, PhraseList linkPhrases, PhraseList linkWords, PhraseList modifiers,
            PhraseList reportVerbs, PhraseList stateModifiers, PhraseList targetNouns, PhraseList vendorNouns,
            PhraseList victimPhrases, PhraseList actorNounsBefore, PhraseList targetNounsBefore,
            PhraseList victimSuffixes, PhraseList accuseSuffixes, PhraseList regions,
            PhraseList agencyNouns, PhraseList doubts, PhraseList cosigns, PhraseList peopleNouns,
            PhraseList reflexives, PhraseList homeWords, PhraseList additions, PhraseList background, CompoundHeads compoundHeads, CompoundHeads actorCompoundHeads,
            WordSet possessives, WordSet passiveMarkers, WordSet skippedBefore, WordSet placeWords,
            WordSet listGlue) {

    /** The cues of the phrase lists by their taxonomy names, plus the word sets. */
    static Cues of(Map<String, PhraseList> lists, CompoundHeads compoundHeads, CompoundHeads actorCompoundHeads,
                   WordSet possessives, WordSet passiveMarkers,
                   WordSet skippedBefore, WordSet placeWords, WordSet listGlue) {
        return new Cues(lists.get("accuseVerbs"), lists.get("actorNouns"), lists.get("agentVerbs"),
                lists.get("bystanderPrefixes"), lists.get("hedges"), lists.get("linkPhrases"),
                lists.get("linkWords"), lists.get("modifiers"), lists.get("reportVerbs"),
                lists.get("stateModifiers"), lists.get("targetNouns"), lists.get("vendorNouns"),
                lists.get("victimPhrases"), lists.get("actorNounsBefore"), lists.get("targetNounsBefore"),
                lists.get("victimSuffixes"), lists.get("accuseSuffixes"), lists.get("regions"),
                lists.get("agencyNouns"), lists.get("doubts"), lists.get("cosigns"), lists.get("peopleNouns"),
                lists.get("reflexives"), lists.get("homeWords"), lists.get("additions"), lists.get("background"), compoundHeads, actorCompoundHeads,
                possessives, passiveMarkers, skippedBefore, placeWords, listGlue);
    }
}
