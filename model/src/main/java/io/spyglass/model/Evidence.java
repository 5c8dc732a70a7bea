package io.spyglass.model;

import java.util.Objects;

/**
 * Why a tag was given: the text that matched, where, and which rule or gazetteer entry matched it.
 *
 * @param tag    the tag this supports: espionage, attributed, victims, actors, sectors, malware, cves or techniques
 * @param value  the tag value it supports (a country code, actor name, sector, ...); never null
 * @param text   the matched text as it appears in the article; never null
 * @param offset character offset of {@code text} in the tagged input (title, a newline, then the text)
 * @param rule   the rule or gazetteer entry that produced the match; never null
 */
public record Evidence(String tag, String value, String text, int offset, String rule) {
    public Evidence {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rule, "rule");
    }
}
