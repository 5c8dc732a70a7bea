package io.spyglass.testkit;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.Evidence;
import io.spyglass.model.FeedRef;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Story;
import io.spyglass.model.StorySource;
import io.spyglass.model.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Made-up espionage stories of a realistic size and spread (states, victims, one to four outlets with texts and
 * evidence), written to a story topic, for the web view's tests and benchmark.
 */
public final class StoryFarm {
    public static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");
    private static final List<Country> STATES = List.of(new Country("CN", "China"), new Country("RU", "Russia"),
            new Country("KP", "North Korea"), new Country("IR", "Iran"), new Country("US", "United States"));
    private static final List<Country> VICTIMS = List.of(new Country("JP", "Japan"), new Country("DE", "Germany"),
            new Country("UA", "Ukraine"), new Country("TW", "Taiwan"), new Country("KR", "South Korea"),
            new Country("IL", "Israel"), new Country("GB", "United Kingdom"), new Country("FR", "France"),
            new Country("IN", "India"), new Country("PL", "Poland"));
    private static final List<String> ACTORS = List.of("APT28", "APT29", "Sandworm", "Volt Typhoon", "APT41", "Lazarus",
            "Kimsuky", "APT33", "Turla", "Mustang Panda");
    private static final List<String> SECTORS = List.of("government", "defense", "telecom", "energy", "diplomatic",
            "research", "media");
    private static final List<String> LANGUAGES = List.of("en", "en", "en", "ja", "de", "fr", "ko", "ru", "zh");
    private static final String SENTENCE = "Investigators said the intruders had been inside the networks for months "
            + "and copied documents from the ministry before the breach was found. ";

    private StoryFarm() {
    }

    /** Story number {@code i}; the same {@code i} and {@code seed} always give the same story. */
    public static Story story(int i, long seed) {
        Random r = new Random(seed * 1_000_003L + i);
        Country state = STATES.get(r.nextInt(STATES.size()));
        Country victim = VICTIMS.get(r.nextInt(VICTIMS.size()));
        String actor = ACTORS.get(r.nextInt(ACTORS.size()));
        String title = actor + " hackers linked to " + state.name() + " breached " + victim.name()
                + "'s networks, report " + i;
        Instant first = T0.plusSeconds(i * 600L + r.nextInt(600));
        List<StorySource> sources = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int s = 0; s < n; s++) {
            String outlet = "outlet" + r.nextInt(40) + ".example";
            String url = "https://" + outlet + "/news/" + i + "-" + s;
            String text = SENTENCE.repeat(8 + r.nextInt(8)) + state.name() + " was blamed for the attack on "
                    + victim.name() + ".";
            String full = title + "\n" + text;
            List<Evidence> evidence = List.of(
                    new Evidence("attributed", state.code(), state.name(), full.indexOf(state.name()), "state-link-word"),
                    new Evidence("victims", victim.code(), victim.name(), full.indexOf(victim.name()), "victim-possessive"),
                    new Evidence("actors", actor, actor, 0, "actors:" + actor),
                    new Evidence("espionage", "cyber", "breach", full.indexOf("breach"), "signal:cyber:breach"));
            Instant at = first.plusSeconds(s * 3600L);
            sources.add(new StorySource("a" + i + "-" + s, url, title, outlet, new FeedRef("https://" + outlet + "/feed",
                    outlet), at, at, LANGUAGES.get(r.nextInt(LANGUAGES.size())), text, evidence));
        }
        Tags tags = new Tags(true, 0.7 + r.nextInt(30) / 100.0, List.of(state), List.of(victim),
                List.of(new Actor(actor, state.code())), List.of(SECTORS.get(r.nextInt(SECTORS.size()))), List.of(),
                List.of(), List.of(), List.of(), "spyglass-tagger/1.1");
        return new Story(Story.SCHEMA_VERSION, "story-" + i, n, title, sources.get(0).url(), first,
                sources.get(n - 1).published(), tags, sources);
    }

    /** Writes stories {@code 0..count-1} to {@code topic}; returns the bytes written. */
    public static long write(String bootstrapServers, String topic, int count, long seed) throws Exception {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stories.add(story(i, seed));
        }
        return write(bootstrapServers, topic, stories);
    }

    /** Writes {@code stories} to {@code topic}, keyed by story id; returns the bytes written. */
    public static long write(String bootstrapServers, String topic, List<Story> stories) throws Exception {
        JsonSerde<Story> serde = new JsonSerde<>(Story.class);
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class,
                "linger.ms", 20, "compression.type", "lz4",
                // a duplicate from a retry is harmless here (the view keeps one version per story); the idempotent
                // producer's sequence checks failed the first batches on a topic whose leaders were still moving
                "enable.idempotence", false, "acks", "all"))) {
            awaitLeaders(producer, topic);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Story s : stories) {
                byte[] value = serde.serializer().serialize(topic, s);
                bytes += value.length;
                sent.add(producer.send(new ProducerRecord<>(topic, s.storyId(), value)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        return bytes;
    }

    /** Waits until every partition of a just-created {@code topic} has a leader. */
    private static void awaitLeaders(KafkaProducer<String, byte[]> producer, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (producer.partitionsFor(topic).stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topic + " have no leader after 60 s");
            }
            Thread.sleep(100);
        }
    }
}
