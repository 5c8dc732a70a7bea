package io.spyglass.ingest.seen;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.ingest.feed.FeedItem;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final URI LINK = URI.create("https://news.example/a");
    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    private static FeedItem entry(String title, Instant published, String content) {
        return new FeedItem(LINK, title, published, List.of("A. Writer"), content);
    }

    @Test
    void anEntryChangesWithItsTitleDateOrTextButNotItsWhitespace() {
        long entry = Fingerprints.entry(entry("Spies", MONDAY, "<p>Summary.</p>"));

        assertThat(Fingerprints.entry(entry(" Spies ", MONDAY, "<p>Summary.</p>\n"))).isEqualTo(entry);
        assertThat(Fingerprints.entry(entry("Spies, updated", MONDAY, "<p>Summary.</p>"))).isNotEqualTo(entry);
        assertThat(Fingerprints.entry(entry("Spies", MONDAY.plusSeconds(60), "<p>Summary.</p>"))).isNotEqualTo(entry);
        assertThat(Fingerprints.entry(entry("Spies", null, "<p>Summary.</p>"))).isNotEqualTo(entry);
        assertThat(Fingerprints.entry(entry("Spies", MONDAY, "<p>Summary, corrected.</p>"))).isNotEqualTo(entry);
    }

    @Test
    void aTextIsTheSameUnlessItsWordsOrTitleChange() {
        long text = Fingerprints.text("Spies", "First paragraph.\n\nSecond paragraph.");

        assertThat(Fingerprints.text("Spies", "First paragraph. \u00a0Second paragraph.")).isEqualTo(text);
        assertThat(Fingerprints.text("Spies", "First paragraph.\n\nSecond paragraph, corrected.")).isNotEqualTo(text);
        assertThat(Fingerprints.text("Spies caught", "First paragraph.\n\nSecond paragraph.")).isNotEqualTo(text);
    }

    @Test
    void isTheFirstSixtyFourBitsOfTheSha256OfTheNormalisedText() {
        // so another tool can compute it: SHA-256 of title, NUL, text, each whitespace-normalised
        assertThat(Fingerprints.text(" ", "")).isEqualTo(0x6e340b9cffb37a98L);
    }
}
