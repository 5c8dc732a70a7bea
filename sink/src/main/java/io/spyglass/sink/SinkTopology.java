package io.spyglass.sink;

import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.PoisonRecordException;
import io.spyglass.model.RecordReader;
import io.spyglass.model.Retention;
import io.spyglass.model.Story;
import io.spyglass.model.Topics;
import io.spyglass.sink.SinkStats.Count;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink stage as a Kafka Streams topology: enriched articles in; the espionage ones grouped into stories, each new
 * or updated story out under its story id; unreadable records to the dead-letter topic.
 */
public final class SinkTopology {
    /** Larger records are dead-lettered: a story built from them could not be written under Kafka's 1 MB default. */
    public static final int MAX_RECORD_BYTES = 512 * 1024;
    /** By default, stories nobody has added a source to for this long (record time) leave the state store. */
    static final Duration RETENTION = Retention.defaults().openStories();
    static final String STORIES_STORE = "sink-open-stories";
    /** The last version of each story that expired from the open ones, so a story started again goes on from it. */
    static final String CLOSED_STORIES_STORE = "sink-closed-stories";
    /** Every espionage article goes through one partition, so one task sees all open stories. */
    private static final String CLUSTER_KEY = "stories";
    private static final String REPARTITION = "espionage-articles";
    /** Open stories the clustering keeps deserialised in memory, besides the store; each is at most about 1 MB. */
    private static final int RECENT_STORIES = 32;

    private SinkTopology() {
    }

    /**
     * The internal topic that carries the espionage articles to the story clustering, for waiting until the sink
     * has processed it.
     */
    public static String clusteringTopic(String applicationId) {
        return applicationId + "-" + REPARTITION + "-repartition";
    }

    /**
     * Pure: builds the topology; no I/O, no KafkaStreams. Open stories close after {@link Retention#openStories()} without
     * a new source; a closed story's last version is kept {@link Retention#stories()}, as long as the espionage topic
     * keeps the story, and then deleted.
     */
    public static Topology build(Topics topics, SinkStats stats, Retention retention) {
        StreamsBuilder builder = new StreamsBuilder();
        OpenStorySerde openStorySerde = new OpenStorySerde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE), Serdes.String(),
                openStorySerde).withLoggingEnabled(retention.changelogConfig()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOSED_STORIES_STORE),
                Serdes.String(), new ClosedStory.Serde()).withLoggingEnabled(retention.changelogConfig()));
        var branches = builder.stream(topics.enriched(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("enriched"))
                .processValues(() -> new Read(stats), Named.as("read"))
                .split(Named.as("read-"))
                .branch((key, read) -> read.article() == null, Branched.as("unreadable"))
                .defaultBranch(Branched.as("readable"));
        branches.get("read-unreadable")
                .mapValues(Read.Result::raw, Named.as("raw"))
                .to(topics.deadLetter(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letter"));
        KStream<String, byte[]> stories = branches.get("read-readable")
                .filter((key, read) -> read.article().tags().espionage(), Named.as("espionage-only"))
                // the bytes as read, checked already: writing the parsed article again would cost as much as reading it
                .map((key, read) -> KeyValue.pair(CLUSTER_KEY, read.raw()), Named.as("to-one-partition"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(REPARTITION).withNumberOfPartitions(1))
                .process(() -> new ClusterStories(stats, openStorySerde, retention), Named.as("cluster-stories"), STORIES_STORE,
                        CLOSED_STORIES_STORE);
        // the stories as JSON already, written once for the store and this topic (OpenStorySerde)
        stories.to(topics.espionage(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("espionage"));
        return builder.build();
    }

    /** Reads an enriched article, or marks the record for the dead-letter topic with the headers that say why. */
    private static final class Read implements FixedKeyProcessor<String, byte[], Read.Result> {
        private static final Logger LOG = LoggerFactory.getLogger(Read.class);
        private final RecordReader<EnrichedArticle> reader = new RecordReader<>(EnrichedArticle.class, "enriched",
                MAX_RECORD_BYTES, e -> e.article().schemaVersion(),
                article -> null);
        private final SinkStats stats;
        private FixedKeyProcessorContext<String, Result> context;

        /** The article, or null when unreadable, and the record's bytes. */
        record Result(EnrichedArticle article, byte[] raw) {
        }

        Read(SinkStats stats) {
            this.stats = stats;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, Result> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            if (EnrichedArticle.markedNotEspionage(record.headers())) {
                // most enriched records: left unparsed, since only espionage ones make stories
                stats.add(Count.RECORDS_SKIPPED);
                return;
            }
            EnrichedArticle article;
            try {
                article = reader.read(record.value());
            } catch (PoisonRecordException e) {
                RecordMetadata meta = context.recordMetadata().orElseThrow();
                LOG.warn("Dead-lettered record {}-{}@{}: {}", meta.topic(), meta.partition(), meta.offset(), e.reason());
                stats.add(Count.DEAD_LETTERED);
                context.forward(record.withValue(new Result(null, record.value()))
                        .withHeaders(RecordReader.deadLetterHeaders("sink", meta.topic(), meta.partition(), meta.offset(), e)));
                return;
            }
            // outside the catch: what fails downstream (a store, the broker) is not this record's fault
            context.forward(record.withValue(new Result(article, record.value())));
        }
    }

    /**
     * Adds each espionage article to the open story it reports, or starts one, and emits the story's new version.
     * The fingerprints of the open stories are also kept in memory ({@link StoryIndex}), loaded from the store when
     * the task starts, so matching an article reads no story from the store but the one it joins.
     */
    private static final class ClusterStories implements Processor<String, byte[], String, byte[]> {
        private final JsonSerde<EnrichedArticle> articleSerde = new JsonSerde<>(EnrichedArticle.class);
        private final SinkStats stats;
        private final OpenStorySerde serde;
        private final StoryIndex index = new StoryIndex();
        /**
         * The stories last read or written, as in the store (write-through; cleared with the index in {@link #init}), so
         * a story that keeps gaining sources is not deserialised from the store for each of them.
         */
        private final Map<String, OpenStory> recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OpenStory> eldest) {
                return size() > RECENT_STORIES;
            }
        };
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, OpenStory> store;
        private KeyValueStore<String, ClosedStory> closed;
        private final Duration openFor;
        private final Duration closedFor;

        ClusterStories(SinkStats stats, OpenStorySerde serde, Retention retention) {
            this.stats = stats;
            this.serde = serde;
            this.openFor = retention.openStories();
            this.closedFor = retention.stories();
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.store = context.getStateStore(STORIES_STORE);
            this.closed = context.getStateStore(CLOSED_STORIES_STORE);
            // Streams initialises processors after restoring their stores, so this sees the whole state; it initialises
            // the same instance again after an aborted transaction, and the index must then forget what was rolled back
            index.clear();
            recent.clear();
            try (KeyValueIterator<String, OpenStory> all = store.all()) {
                all.forEachRemaining(kv -> index.put(kv.key, kv.value.fingerprints(), kv.value.updated()));
            }
            context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::expire);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            // Read parsed these bytes already, so this parse cannot fail
            EnrichedArticle article = articleSerde.deserializer().deserialize(REPARTITION, record.value());
            StoryClusterer.Decision decision = StoryClusterer.decide(index, article);
            StoryClusterer.Placement placement = StoryClusterer.place(decision, article, Instant.ofEpochMilli(record.timestamp()),
                    this::read, id -> {
                        ClosedStory last = closed.get(id);
                        return last == null ? 0 : last.version();
                    });
            for (Story merged : placement.mergedAway()) {
                // the last version says which story it went into; the id is then closed, and its version kept
                store.delete(merged.storyId());
                recent.remove(merged.storyId());
                index.remove(merged.storyId());
                closed.put(merged.storyId(), new ClosedStory(merged.version(), record.timestamp()));
                stats.add(Count.STORIES_MERGED);
                context.forward(new Record<>(merged.storyId(), serde.storyJson(merged), record.timestamp()));
            }
            for (OpenStory next : placement.open()) {
                Story story = next.story();
                store.put(story.storyId(), next);
                recent.put(story.storyId(), next);
                index.put(story.storyId(), next.fingerprints(), next.updated());
                stats.add(Count.STORIES_EMITTED);
                context.forward(new Record<>(story.storyId(), serde.storyJson(story), record.timestamp()));
            }
        }

        /** The open story, from the recently written ones when it is among them, else from the store. */
        private OpenStory read(String storyId) {
            OpenStory story = recent.get(storyId);
            if (story == null) {
                story = store.get(storyId);
                if (story != null) {
                    recent.put(storyId, story);
                }
            }
            return story;
        }

        /**
         * Drops the stories nobody added to for {@link Retention#openStories()} (the index knows which), keeping the last
         * version of each, and forgets the last versions of stories closed longer than {@link Retention#stories()} ago.
         */
        private void expire(long streamTime) {
            index.changedBefore(Instant.ofEpochMilli(streamTime).minus(openFor)).forEach(id -> {
                OpenStory story = store.get(id);
                if (story != null) {
                    closed.put(id, new ClosedStory(story.story().version(), streamTime));
                }
                store.delete(id);
                recent.remove(id);
                index.remove(id);
            });
            long forgetBefore = streamTime - closedFor.toMillis();
            List<String> forget = new ArrayList<>();
            try (KeyValueIterator<String, ClosedStory> all = closed.all()) {
                all.forEachRemaining(kv -> {
                    if (kv.value.closedAt() < forgetBefore) {
                        forget.add(kv.key);
                    }
                });
            }
            forget.forEach(closed::delete);
        }
    }
}
