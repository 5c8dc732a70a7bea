package io.spyglass.enrich;

import io.spyglass.enrich.EnrichStats.Count;
import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.Article;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.PoisonRecordException;
import io.spyglass.model.RecordReader;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich stage as a Kafka Streams topology: articles in; each new one tagged out; unreadable ones to the dead-letter topic. */
public final class EnrichTopology {
    /** Larger records are dead-lettered: tagged, they could pass Kafka's 1 MB default and stop the stage. */
    public static final int MAX_RECORD_BYTES = 512 * 1024;
    static final String SEEN_STORE = "enrich-seen-ids";
    private static final String SOURCE = "articles";
    private static final String PROCESSOR = "dedupe-and-tag";
    private static final String ENRICHED_SINK = "enriched";
    private static final String DEAD_LETTER_SINK = "dead-letter";

    private EnrichTopology() {
    }

    /** How often the dedupe store is swept for expired ids (wall-clock time). */
    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    /**
     * Pure: builds the topology; no I/O, no KafkaStreams. The dedupe store forgets an id {@link Retention#seen()} after
     * its article was written (as ingest forgets a seen mark), swept every {@link #SWEEP_EVERY} of wall-clock time.
     */
    public static Topology build(Topics topics, Tagger tagger, EnrichStats stats, Retention retention) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.articles());
        topology.addProcessor(PROCESSOR, () -> new DedupeAndTag(tagger, stats, retention.seen()), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE),
                Serdes.String(), Serdes.Long()).withLoggingEnabled(retention.changelogConfig()), PROCESSOR);
        topology.addSink(ENRICHED_SINK, topics.enriched(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }

    /** The dedupe store's key for an article: id and revision, so a revision is tagged again while a repeat is dropped. */
    static String seenKey(Article article) {
        return article.id() + "#" + article.revision();
    }

    /** How enrich, and {@link Retag} after it, read an article: at most {@link #MAX_RECORD_BYTES}, this major version. */
    static RecordReader<Article> articleReader() {
        return new RecordReader<>(Article.class, SOURCE, MAX_RECORD_BYTES, Article::schemaVersion, article -> null);
    }

    /** Drops revisions already enriched, tags the rest, and sends what it cannot read to the dead-letter topic. */
    private static final class DedupeAndTag implements Processor<String, byte[], String, byte[]> {
        private static final Logger LOG = LoggerFactory.getLogger(DedupeAndTag.class);
        private final RecordReader<Article> in = articleReader();
        private final JsonSerde<EnrichedArticle> out = new JsonSerde<>(EnrichedArticle.class);
        private final Tagger tagger;
        private final EnrichStats stats;
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, Long> seen;
        private final Duration keep;

        DedupeAndTag(Tagger tagger, EnrichStats stats, Duration keep) {
            this.tagger = tagger;
            this.stats = stats;
            this.keep = keep;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.seen = context.getStateStore(SEEN_STORE);
            // wall-clock time: one record stamped far in the future must not make stream time jump and forget every id
            context.schedule(SWEEP_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forget);
        }

        /** Deletes the ids whose article was written more than {@link #keep} before {@code now}. */
        private void forget(long now) {
            long before = now - keep.toMillis();
            List<String> old = new ArrayList<>();
            try (KeyValueIterator<String, Long> all = seen.all()) {
                all.forEachRemaining(kv -> {
                    if (kv.value != null && kv.value < before) {
                        old.add(kv.key);
                    }
                });
            }
            old.forEach(seen::delete);
            if (!old.isEmpty()) {
                LOG.info("Forgot {} article ids enriched before {}", old.size(), java.time.Instant.ofEpochMilli(before));
            }
        }

        @Override
        public void process(Record<String, byte[]> record) {
            // only the record's own faults are caught; a store failure stops the task, to be retried
            try {
                Article article = in.read(record.value());
                if (seen.get(seenKey(article)) != null) {
                    stats.add(Count.DUPLICATES);
                    return;
                }
                Tagger.Tagging tagging = RecordReader.poisonOnFailure(
                        () -> tagger.tagDetecting(article.title(), article.text(), article.language()));
                seen.put(seenKey(article), record.timestamp());
                forward(record, article, tagging);
            } catch (PoisonRecordException e) {
                deadLetter(record, e);
            }
        }

        private void forward(Record<String, byte[]> record, Article article, Tagger.Tagging tagging) {
            stats.add(Count.ARTICLES_TAGGED);
            if (tagging.tags().espionage()) {
                stats.add(Count.ARTICLES_ESPIONAGE);
            }
            EnrichedArticle enriched = EnrichedArticle.of(article, tagging.language(), tagging.tags());
            byte[] value = out.serializer().serialize(ENRICHED_SINK, enriched);
            context.forward(new Record<>(article.id(), value, record.timestamp(), enriched.headers()), ENRICHED_SINK);
        }

        private void deadLetter(Record<String, byte[]> record, PoisonRecordException e) {
            RecordMetadata meta = context.recordMetadata().orElseThrow();
            LOG.warn("Dead-lettered record {}-{}@{}: {}", meta.topic(), meta.partition(), meta.offset(), e.reason());
            stats.add(Count.DEAD_LETTERED);
            var headers = RecordReader.deadLetterHeaders("enrich", meta.topic(), meta.partition(), meta.offset(), e);
            context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers), DEAD_LETTER_SINK);
        }
    }
}
