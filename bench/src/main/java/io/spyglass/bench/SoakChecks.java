package io.spyglass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.Json;
import io.spyglass.model.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The soak's checks on the broker: whether the stages caught up, and at the end whether every article ingest accepted
 * and enrich tagged espionage is in exactly one story; and the bytes each topic and state store takes.
 */
final class SoakChecks {
    private SoakChecks() {
    }

    /** What the topics say at the end. */
    record Check(Map<String, Integer> records, int articles, int enrichedIds, int espionageIds, int deadLettered,
                 int storyVersions, int stories, int liveStories, int merged, int lost, int inEnrichOnly, int duplicated,
                 int versionConflicts, int omittedSources, int largestStory, List<String> lostIds) {
    }

    /** The last version of a story: its number, whether it was merged away, its source ids and omitted count. */
    private record Latest(int version, boolean merged, Set<String> sources, int omitted) {
    }

    /** Reads every topic of the pipeline to its end and checks what it holds. */
    static Check check(Map<String, Object> client, Topics topics) {
        Map<String, Integer> records = new LinkedHashMap<>();
        Set<String> articleIds = new HashSet<>();
        records.put(topics.articles(), readAll(client, topics.articles(), r -> articleIds.add(r.key())));
        Set<String> enrichedIds = new HashSet<>();
        Set<String> espionage = new HashSet<>();
        records.put(topics.enriched(), readAll(client, topics.enriched(), r -> {
            enrichedIds.add(r.key());
            Header h = r.headers().lastHeader(EnrichedArticle.ESPIONAGE_HEADER);
            if (h != null && "true".equals(new String(h.value(), StandardCharsets.UTF_8))) {
                espionage.add(r.key());
            }
        }));
        Set<String> deadKeys = new HashSet<>();
        int dead = readAll(client, topics.deadLetter(), r -> deadKeys.add(r.key()));
        records.put(topics.deadLetter(), dead);
        // the latest version of each story, and any (id, version) written twice with different content
        Map<String, Latest> latest = new HashMap<>();
        Map<String, Integer> contentOf = new HashMap<>();
        int[] conflicts = {0};
        records.put(topics.espionage(), readAll(client, topics.espionage(), r -> {
            JsonNode story;
            try {
                story = Json.MAPPER.readTree(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int version = story.get("version").asInt();
            Integer earlier = contentOf.put(r.key() + "#" + version, Arrays.hashCode(r.value()));
            if (earlier != null && earlier != Arrays.hashCode(r.value())) {
                conflicts[0]++;
            }
            Latest prev = latest.get(r.key());
            if (prev == null || prev.version() < version) {
                JsonNode into = story.get("mergedInto");
                Set<String> ids = new HashSet<>();
                story.get("sources").forEach(src -> ids.add(src.get("articleId").asText()));
                latest.put(r.key(), new Latest(version, into != null && !into.isNull(), ids,
                        story.path("omittedSources").asInt(0)));
            }
        }));
        Map<String, Integer> storiesOf = new HashMap<>();
        int live = 0;
        int merged = 0;
        int omitted = 0;
        int largest = 0;
        for (Latest story : latest.values()) {
            if (story.merged()) {
                merged++;
                continue;
            }
            live++;
            omitted += story.omitted();
            largest = Math.max(largest, story.sources().size());
            story.sources().forEach(id -> storiesOf.merge(id, 1, Integer::sum));
        }
        List<String> lostIds = espionage.stream().filter(id -> !storiesOf.containsKey(id)).sorted().toList();
        int duplicated = (int) storiesOf.values().stream().filter(k -> k > 1).count();
        int notEnriched = (int) articleIds.stream().filter(id -> !enrichedIds.contains(id) && !deadKeys.contains(id)).count();
        records.put(topics.seen(), readAll(client, topics.seen(), r -> { }));
        records.put(topics.feedStatus(), readAll(client, topics.feedStatus(), r -> { }));
        int versions = records.get(topics.espionage());
        return new Check(records, articleIds.size(), enrichedIds.size(), espionage.size(), dead, versions,
                latest.size(), live, merged, lostIds.size(), notEnriched, duplicated, conflicts[0], omitted, largest,
                lostIds.stream().limit(10).toList());
    }

    /** True when {@code group} has committed the end of every partition of {@code topic}. */
    static boolean caughtUp(Admin admin, String group, String topic) throws Exception {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            if ((c == null ? 0 : c.offset()) < end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }

    /** Hands every committed record of {@code topic} to {@code each}, partition by partition; returns how many. */
    private static int readAll(Map<String, Object> client, String topic,
                               Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        config.put("max.partition.fetch.bytes", 4 * 1024 * 1024);
        int[] n = {0};
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                c.poll(Duration.ofMillis(500)).forEach(r -> {
                    n[0]++;
                    each.accept(r);
                });
            }
        }
        return n[0];
    }

    /** Bytes on the broker per topic of interest, and on disk per state store. */
    static Map<String, Long> sizes(Map<String, Object> client, Path state, Topics topics) throws Exception {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Admin admin = Admin.create(client)) {
            var dirs = admin.describeLogDirs(List.of(1)).allDescriptions().get(30, TimeUnit.SECONDS).get(1);
            Map<String, Long> byTopic = new HashMap<>();
            dirs.values().forEach(d -> d.replicaInfos().forEach((tp, info) -> byTopic.merge(tp.topic(), info.size(), Long::sum)));
            for (String t : List.of(topics.seen(), topics.articles(), topics.enriched(), topics.espionage(),
                    SoakBench.ENRICH_ID + "-enrich-seen-ids-changelog", SoakBench.SINK_ID + "-sink-open-stories-changelog",
                    SoakBench.SINK_ID + "-sink-closed-stories-changelog")) {
                sizes.put("topic " + t, byTopic.getOrDefault(t, 0L));
            }
        }
        for (String store : List.of("enrich-seen-ids", "sink-open-stories", "sink-closed-stories")) {
            long bytes = 0;
            if (Files.exists(state)) {
                try (Stream<Path> walk = Files.walk(state)) {
                    List<Path> storeDirs = walk.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(store)).toList();
                    for (Path d : storeDirs) {
                        try (Stream<Path> files = Files.walk(d)) {
                            bytes += files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                        }
                    }
                }
            }
            sizes.put("store " + store, bytes);
        }
        return sizes;
    }
}
