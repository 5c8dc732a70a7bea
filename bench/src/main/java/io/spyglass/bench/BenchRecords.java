package io.spyglass.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Made-up article records of about 5 KB for the delivery benchmark. Every fifth one reports an espionage event, and
 * each event is reported by {@link #OUTLETS_PER_EVENT} outlets in lightly edited copies, so the sink has stories of a
 * few sources to build, as it does with real news. The other text is drawn from a made-up vocabulary of a few thousand
 * words with a skewed frequency, so that, as in real news, two unrelated articles share common words but are not
 * near-duplicates of each other.
 */
final class BenchRecords {
    static final int TARGET_BYTES = 5 * 1024;
    static final int OUTLETS_PER_EVENT = 3;
    /** About a dozen espionage events a day, as the news has, rather than hundreds within the sink's 3-day window. */
    static final Duration EVENT_INTERVAL = Duration.ofHours(2);
    private static final int VOCABULARY = 4000;
    private static final String[] STATES = {"China", "Russia", "Iran", "North Korea"};
    private static final String[] VICTIMS = {"Japan", "Germany", "France", "Poland", "Norway", "Canada", "India", "Brazil"};
    private static final String[] SPY = {
        "Hackers working for %1$s's intelligence service broke into the networks of %2$s's foreign ministry.",
        "Investigators found a backdoor that sent classified documents to command and control servers.",
        "The cyber-espionage campaign exfiltrated diplomatic cables over %3$d months, according to a report by %4$s.",
    };
    private static final String[] FUNCTION_WORDS = {"the", "of", "and", "to", "in", "a", "for", "on", "with", "that",
            "is", "was", "by", "at", "from", "as", "it", "its", "their", "which"};
    private static final String[] SYLLABLES = {"ka", "ro", "mi", "sen", "tor", "la", "ve", "dan", "pe", "lin", "mar",
            "os", "te", "ru", "bel", "ha", "gri", "no", "sta", "fen", "u", "al", "cor", "di", "ven", "ot"};

    private BenchRecords() {
    }

    /** How long the news in {@code n} records spans, one espionage event every {@link #EVENT_INTERVAL}. */
    static Duration span(int n) {
        return EVENT_INTERVAL.multipliedBy(n / 5 / OUTLETS_PER_EVENT + 1);
    }

    /** {@code n} records published from {@code start} on, the same for the same {@code seed}; ids {@code prefix-0 ...}. */
    static List<byte[]> generate(int n, String prefix, long seed, Instant start) {
        Random random = new Random(seed);
        String[] vocabulary = vocabulary(new Random(0));
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean spy = i % 5 == 0;
            int outlet = (i / 5) % OUTLETS_PER_EVENT;
            // the copies of one event share a seed, so they share their text but for the edits below
            // (the golden-ratio multiplier spreads consecutive seeds, whose first draws java.util.Random correlates)
            Random text = spy ? new Random((seed * 1_000_003L + i / 5 / OUTLETS_PER_EVENT) * 0x9E3779B97F4A7C15L) : random;
            String body = spy ? espionageReport(text, vocabulary, outlet) : prose(text, vocabulary, TARGET_BYTES - 300);
            String title = spy ? eventTitle(text, vocabulary, outlet) : sentence(random, vocabulary, 6, 10);
            Instant published = start.plus(EVENT_INTERVAL.multipliedBy(i / 5 / OUTLETS_PER_EVENT));
            Article a = new Article(Article.SCHEMA_VERSION, prefix + "-" + i, "https://outlet" + outlet + ".bench.example/"
                    + prefix + "/" + i, title, published, new FeedRef("https://outlet" + outlet + ".bench.example/feed", "Outlet " + outlet),
                    body, ExtractionOutcome.FULL, "en", List.of(), published);
            try {
                out.add(Json.MAPPER.writeValueAsBytes(a));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The event's report as {@code outlet} runs it: the shared text with a sentence of the outlet's own at the end. */
    private static String espionageReport(Random event, String[] vocabulary, int outlet) {
        String state = STATES[event.nextInt(STATES.length)];
        String victim = VICTIMS[event.nextInt(VICTIMS.length)];
        int months = 2 + event.nextInt(30);
        String vendor = capitalised(vocabulary[event.nextInt(VOCABULARY)]) + " Security";
        StringBuilder text = new StringBuilder();
        for (String s : SPY) {
            text.append(String.format(s, state, victim, months, vendor)).append("\n\n");
        }
        text.append(prose(event, vocabulary, TARGET_BYTES - 600 - text.length()));
        text.append("\n\n").append(sentence(new Random(outlet), vocabulary, 12, 20));
        return text.toString();
    }

    /** Five words of the event's own after the two every such title has, in an order of the outlet's own. */
    private static String eventTitle(Random event, String[] vocabulary, int outlet) {
        List<String> words = new ArrayList<>(List.of("Espionage", "hackers"));
        while (words.size() < 7) {
            String word = vocabulary[event.nextInt(VOCABULARY)];
            if (word.length() >= 5) { // distinctive words: headlines of different events share few
                words.add(word);
            }
        }
        Collections.rotate(words.subList(2, words.size()), outlet);
        return String.join(" ", words);
    }

    private static String prose(Random random, String[] vocabulary, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(sentence(random, vocabulary, 8, 24));
            text.append(random.nextInt(6) == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    private static String sentence(Random random, String[] vocabulary, int min, int max) {
        StringBuilder s = new StringBuilder();
        int words = min + random.nextInt(max - min + 1);
        for (int w = 0; w < words; w++) {
            String word = random.nextInt(3) == 0 ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]
                    // cubing skews the draw towards the start of the vocabulary: a few words are common, most are rare
                    : vocabulary[(int) (VOCABULARY * Math.pow(random.nextDouble(), 3))];
            s.append(w == 0 ? capitalised(word) : word).append(w == words - 1 ? "." : " ");
        }
        return s.toString();
    }

    private static String[] vocabulary(Random random) {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(4);
            for (int k = 0; k < syllables; k++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = w.toString();
        }
        return words;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
