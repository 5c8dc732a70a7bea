package io.spyglass.sink;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the story clustering compares of one espionage article.
 *
 * @param articleId  the article's id; never null
 * @param time       publication time, or fetch time when unknown; never null
 * @param simhash    64-bit SimHash of the text's token 3-shingles
 * @param shingles   how many shingles the text had; a SimHash of a few words says little
 * @param titleTerms lower-case title words without stop words, and the character bigrams of CJK runs; never null
 * @param actors     actor names; never null
 * @param attributed attributed country codes; never null
 * @param victims    victim country codes; never null
 * @param revision   the article's revision, 1 or more
 * @param language   the language enrich detected, "und" when unknown
 * @param entities   lower-case malware names and CVE ids the tagger found: the same in every language; never null
 * @param names      lower-case names (capitalised words, acronyms, words with digits) of the title and the start of the
 *                   text, which a report in another script keeps as they are (NSA, Ivanti, APT41), Cyrillic ones in
 *                   Latin letters (ГРУ as "gru")
 * @param keywords   the most frequent content terms of the title and the start of the text: words of four or more
 *                   letters, CJK character bigrams; what two reports in one language have in common beyond the title
 * @param sounds     the {@link Sounds#key}s of the words written in katakana, Hangul or Arabic letters and of the
 *                   Cyrillic names, which name in those scripts what a report in Latin letters names (マイクロソフト,
 *                   Microsoft); empty in a fingerprint stored before they were kept
 */
public record Fingerprint(String articleId, Instant time, long simhash, int shingles, Set<String> titleTerms,
                          Set<String> actors, Set<String> attributed, Set<String> victims, int revision,
                          String language, Set<String> entities, Set<String> names, Set<String> keywords,
                          Set<String> sounds) {
    public Fingerprint {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(time, "time");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        titleTerms = Set.copyOf(titleTerms);
        actors = Set.copyOf(actors);
        attributed = Set.copyOf(attributed);
        victims = Set.copyOf(victims);
        language = language == null || language.isBlank() ? "und" : language;
        entities = Set.copyOf(entities);
        names = Set.copyOf(names);
        keywords = Set.copyOf(keywords);
        sounds = sounds == null ? Set.of() : Set.copyOf(sounds);
    }
}
