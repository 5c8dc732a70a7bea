package io.spyglass.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.spyglass.model.Article;
import io.spyglass.model.ExtractionOutcome;
import io.spyglass.model.FeedRef;
import io.spyglass.model.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Made-up article records of about 5 KB for the delivery benchmark; every fifth one reports espionage. */
final class BenchRecords {
    static final int TARGET_BYTES = 5 * 1024;
    private static final String[] STATES = {"China", "Russia", "Iran", "North Korea"};
    private static final String[] VICTIMS = {"Japan", "Germany", "France", "Poland", "Norway", "Canada", "India", "Brazil"};
    private static final String[] SPY = {
        "Hackers working for %1$s's intelligence service broke into the networks of %2$s's foreign ministry, officials said.",
        "Investigators found a backdoor that sent classified documents to command and control servers.",
        "The cyber-espionage campaign exfiltrated diplomatic cables over %3$d months.",
    };
    private static final String[] PLAIN = {
        "The council approved a budget for road repairs on Tuesday evening after a long debate.",
        "Residents queued for hours to see the new exhibition of river photographs at the library.",
        "The rowing club won its regional title after a close race on the lake.",
        "Bakers say the price of flour has risen again this month.",
        "A new cycle lane along the harbour opens next week after two years of work.",
    };
    private static final String[] WORDS = {"harbour", "market", "season", "council", "river", "bridge", "garden",
            "station", "museum", "festival", "library", "school", "ferry", "orchard", "square", "tower"};

    private BenchRecords() {
    }

    /** {@code n} records, the same for the same {@code seed}; ids {@code prefix-0 ...}. */
    static List<byte[]> generate(int n, String prefix, long seed) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean spy = i % 5 == 0;
            StringBuilder text = new StringBuilder();
            String state = STATES[random.nextInt(STATES.length)];
            String victim = VICTIMS[random.nextInt(VICTIMS.length)];
            if (spy) {
                for (String s : SPY) {
                    text.append(String.format(s, state, victim, 2 + random.nextInt(30))).append("\n\n");
                }
            }
            while (text.length() < TARGET_BYTES - 600) {
                text.append(PLAIN[random.nextInt(PLAIN.length)]).append(' ');
                for (int w = 0; w < 6; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                text.append(random.nextInt(100_000)).append(".\n\n");
            }
            // spy titles share only two words, so each record is an event of its own, as most real stories are
            String title = spy ? "Espionage hackers " + String.join(" ", random.ints(5, 0, 100_000).mapToObj(w -> "w" + w).toList())
                    : "Local news item " + i + " from the " + WORDS[random.nextInt(WORDS.length)];
            Article a = new Article(Article.SCHEMA_VERSION, prefix + "-" + i, "https://bench.example/" + prefix + "/" + i, title,
                    now, new FeedRef("https://bench.example/feed", "Bench"), text.toString().strip(), ExtractionOutcome.FULL,
                    "en", List.of(), now);
            try {
                out.add(Json.MAPPER.writeValueAsBytes(a));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
