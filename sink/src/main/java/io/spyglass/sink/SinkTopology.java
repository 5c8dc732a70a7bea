package io.spyglass.sink;

import io.spyglass.model.DeadLetter;
import io.spyglass.model.EnrichedArticle;
import io.spyglass.model.JsonSerde;
import io.spyglass.model.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sink stage as a Kafka Streams topology: enriched articles in, espionage stories out. */
public final class SinkTopology {
    private static final String SOURCE = "enriched";
    private static final String PROCESSOR = "select-espionage";
    private static final String ESPIONAGE_SINK = "espionage";
    private static final String DEAD_LETTER_SINK = "dead-letter";

    private SinkTopology() {
    }

    /** Pure: builds the topology; no I/O, no KafkaStreams. */
    public static Topology build(Topics topics, SinkStats stats) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, new StringDeserializer(), new ByteArrayDeserializer(), topics.enriched());
        topology.addProcessor(PROCESSOR, () -> new SelectEspionage(stats), SOURCE);
        topology.addSink(ESPIONAGE_SINK, topics.espionage(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }

    /** Forwards the espionage stories; sends records it cannot read to the dead-letter topic. */
    private static final class SelectEspionage implements Processor<String, byte[], String, byte[]> {
        private static final Logger LOG = LoggerFactory.getLogger(SelectEspionage.class);
        private final JsonSerde<EnrichedArticle> serde = new JsonSerde<>(EnrichedArticle.class);
        private final SinkStats stats;
        private ProcessorContext<String, byte[]> context;

        SelectEspionage(SinkStats stats) {
            this.stats = stats;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            EnrichedArticle article;
            try {
                article = serde.deserializer().deserialize(SOURCE, record.value());
                if (article == null) {
                    throw new IllegalArgumentException("empty record");
                }
            } catch (RuntimeException e) {
                RecordMetadata meta = context.recordMetadata().orElseThrow();
                LOG.warn("Dead-lettered record {}-{}@{}: {}", meta.topic(), meta.partition(), meta.offset(), e.getMessage());
                stats.deadLettered.incrementAndGet();
                context.forward(record.withHeaders(DeadLetter.headers("sink", meta.topic(), meta.partition(),
                        meta.offset(), e.getMessage())), DEAD_LETTER_SINK);
                return;
            }
            if (article.tags().espionage()) {
                stats.stories.incrementAndGet();
                context.forward(new Record<>(article.id(), record.value(), record.timestamp()), ESPIONAGE_SINK);
            }
        }
    }
}
