package io.spyglass.app.broker;

import io.spyglass.app.Spyglass;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates Spyglass's topics and tells how far a consumer group has read them. */
public final class TopicAdmin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private final Admin admin;
    private final Object bootstrapServers;

    public TopicAdmin(Map<String, Object> kafka) {
        this.admin = Admin.create(kafka);
        this.bootstrapServers = kafka.get("bootstrap.servers");
    }

    /** As {@link #ensure(Topics, int, Retention)} with the topics, partitions and retention of {@code cluster}. */
    public void ensure(ClusterSettings cluster) throws ExecutionException, InterruptedException, TimeoutException {
        ensure(cluster.topics(), cluster.partitions(), cluster.retention());
    }

    /**
     * Creates the topics that do not exist yet, each with its cleanup policy and retention from {@code retention}. A topic
     * that exists keeps its configuration: it is the operator's.
     *
     * @throws KafkaUnavailableException if the cluster does not answer
     */
    public void ensure(Topics topics, int partitions, Retention retention) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " does not answer ("
                    + (e.getCause() != null ? e.getCause().getMessage() : "no reply") + "); is the broker running and the address right?", e);
        }
        List<NewTopic> missing = new ArrayList<>();
        Map<String, Map<String, String>> configs = retention.topicConfigs(topics);
        for (String name : topics.all()) {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) -1).configs(configs.get(name)));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * True when {@code group} has committed, on every partition of {@code topic}, the topic's end offset: it has
     * processed everything written so far.
     */
    public boolean caughtUp(String group, String topic) throws ExecutionException, InterruptedException, TimeoutException {
        var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            long position = c == null ? 0 : c.offset();
            if (position < end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        admin.close();
    }
}
