package io.spyglass.sink;

import io.spyglass.model.Evidence;
import io.spyglass.model.StorySource;
import java.util.List;
import java.util.Set;

/**
 * The byte budget of a story record ({@link StoryClusterer#MAX_STORY_BYTES}, {@link StoryClusterer#TEXT_BUDGET_BYTES}):
 * what a story's sources and fingerprints take as JSON, counted from above, and how much of a further source fits.
 */
final class StoryBudget {
    private StoryBudget() {
    }

    /** JSON bytes of a story and its fingerprints besides its sources' ({@link #bytes}), with room to spare. */
    private static final int STORY_OVERHEAD_BYTES = 16 * 1024;
    /** JSON bytes of a fingerprint besides its strings. */
    private static final int FINGERPRINT_BYTES = 240;
    /** JSON bytes of a source besides its strings and evidence. */
    private static final int SOURCE_BYTES = 200;
    private static final int EVIDENCE_BYTES = 80;

    /** {@code source} as it fits as the first source of a story whose fingerprint is {@code f}: see {@link #fit}. */
    static StorySource fitFirst(StorySource source, Fingerprint f) {
        return fit(source, FINGERPRINT_BYTES + jsonBytes(f), 0);
    }

    /**
     * {@code source}, whose fingerprint is {@code f}, as it fits in a story that has {@code sources} with
     * {@code fingerprints}: see {@link #fit(StorySource, long, long)}.
     */
    static StorySource fit(StorySource source, List<StorySource> sources, List<Fingerprint> fingerprints, Fingerprint f) {
        return fit(source, bytes(sources, fingerprints) + jsonBytes(f), textBytes(sources));
    }

    /**
     * {@code source} as it fits in a story whose other sources and fingerprints (with the new source's) take
     * {@code used} bytes of JSON and {@code textUsed} bytes of text: whole; or without its text and its evidence
     * (whose offsets point into the text); or null when not even that fits.
     */
    private static StorySource fit(StorySource source, long used, long textUsed) {
        long room = StoryClusterer.MAX_STORY_BYTES - STORY_OVERHEAD_BYTES - used;
        if ((source.text() == null || textUsed + jsonBytes(source.text()) <= StoryClusterer.TEXT_BUDGET_BYTES) && jsonBytes(source) <= room) {
            return source;
        }
        StorySource bare = withText(source, null, List.of());
        return jsonBytes(bare) <= room ? bare : null;
    }

    private static StorySource withText(StorySource s, String text, List<Evidence> evidence) {
        return new StorySource(s.articleId(), s.url(), s.title(), s.outlet(), s.feed(), s.published(), s.fetched(),
                s.language(), text, evidence);
    }

    /** JSON bytes of the sources and fingerprints, as {@link #jsonBytes} counts them. */
    private static long bytes(List<StorySource> sources, List<Fingerprint> fingerprints) {
        long n = 0;
        for (StorySource s : sources) {
            n += jsonBytes(s);
        }
        for (Fingerprint f : fingerprints) {
            n += jsonBytes(f);
        }
        return n;
    }

    private static long textBytes(List<StorySource> sources) {
        long n = 0;
        for (StorySource s : sources) {
            n += s.text() == null ? 0 : jsonBytes(s.text());
        }
        return n;
    }

    /** At least the JSON bytes of a source: its strings as {@link #jsonBytes(String)} counts them, and the rest. */
    static long jsonBytes(StorySource s) {
        long n = SOURCE_BYTES + jsonBytes(s.articleId()) + jsonBytes(s.url()) + jsonBytes(s.title()) + jsonBytes(s.outlet())
                + jsonBytes(s.feed().url()) + jsonBytes(s.feed().name()) + jsonBytes(s.language()) + jsonBytes(s.text());
        for (Evidence e : s.evidence()) {
            n += EVIDENCE_BYTES + jsonBytes(e.tag()) + jsonBytes(e.value()) + jsonBytes(e.text()) + jsonBytes(e.rule());
        }
        return n;
    }

    static long jsonBytes(Fingerprint f) {
        long n = FINGERPRINT_BYTES + jsonBytes(f.articleId()) + jsonBytes(f.language());
        for (Set<String> set : List.of(f.titleTerms(), f.actors(), f.attributed(), f.victims(), f.entities(), f.names(),
                f.keywords())) {
            for (String x : set) {
                n += 1 + jsonBytes(x);
            }
        }
        return n;
    }

    /**
     * At least the bytes of {@code s} as a JSON string: UTF-8, with room for escaping (a control character takes six
     * bytes as {@code \\u00XX}).
     */
    static long jsonBytes(String s) {
        if (s == null) {
            return 4;
        }
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                n += 6;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
