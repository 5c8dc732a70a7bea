package io.spyglass.web;

import io.spyglass.model.Country;
import java.time.Instant;
import java.util.List;

/**
 * One row of the story list: what the page shows without the sources' texts.
 *
 * @param storyId    the story's key on the espionage topic
 * @param version    the story version this summary was made from
 * @param title      the first article's title, as the feed gave it (the page escapes it)
 * @param url        the first article's URL
 * @param attributed the states the story is attributed to
 * @param victims    the victim countries
 * @param actors     actor names
 * @param sectors    victim sectors
 * @param languages  languages of the sources, in order of first appearance
 * @param outlets    distinct outlets among the sources
 * @param sources    number of sources
 * @param firstSeen  earliest source time
 * @param lastSeen   latest source time
 * @param score      the highest espionage score among the sources
 */
public record StorySummary(String storyId, int version, String title, String url, List<Country> attributed,
                           List<Country> victims, List<String> actors, List<String> sectors, List<String> languages,
                           int outlets, int sources, Instant firstSeen, Instant lastSeen, double score) {
}
