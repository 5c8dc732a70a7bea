package io.spyglass.model;

import java.util.List;
import java.util.Objects;

/**
 * What the tagger found in one article.
 *
 * @param espionage  true when the article reports cyber-espionage
 * @param score      confidence in [0,1] that it does
 * @param attributed states the operation is attributed to; never null
 * @param victims    countries hit; never null
 * @param actors     named threat actors; never null
 * @param sectors    victim sectors (government, defence, telecom, ...); never null
 * @param malware    malware family names; never null
 * @param cves       CVE ids; never null
 * @param techniques MITRE ATT&amp;CK technique ids; never null
 * @param evidence   the matches behind the tags; never null
 * @param tagger     tagger name and version, so a record can be re-tagged later; never null
 */
public record Tags(
        boolean espionage,
        double score,
        List<Country> attributed,
        List<Country> victims,
        List<Actor> actors,
        List<String> sectors,
        List<String> malware,
        List<String> cves,
        List<String> techniques,
        List<Evidence> evidence,
        String tagger) {

    public Tags {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be in [0,1]: " + score);
        }
        attributed = copy(attributed);
        victims = copy(victims);
        actors = copy(actors);
        sectors = copy(sectors);
        malware = copy(malware);
        cves = copy(cves);
        techniques = copy(techniques);
        evidence = copy(evidence);
        Objects.requireNonNull(tagger, "tagger");
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
