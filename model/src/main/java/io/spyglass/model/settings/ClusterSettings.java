package io.spyglass.model.settings;

import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of the configuration every stage shares: the cluster, the ids the deployment's groups derive from, the
 * topics and how long they keep what they hold. Its keys are in {@code cluster.keys} next to this class.
 *
 * @param kafka       Kafka client settings: {@code bootstrap.servers} (absent when the embedded broker is to be used)
 *                    and every other {@code kafka.*} key of the file, passed through to the clients; never null
 * @param groupPrefix prefix of every consumer group and Streams application id, so two deployments can share a cluster
 * @param partitions  partitions of the topics Spyglass creates
 * @param topics      topic names
 * @param retention   how long topics, stores and seen marks keep what they hold
 */
public record ClusterSettings(Map<String, Object> kafka, String groupPrefix, int partitions, Topics topics,
                              Retention retention) {
    /** The keys of this part, with their defaults. */
    public static final List<Key> KEYS = Key.table(ClusterSettings.class, "cluster.keys");

    public ClusterSettings {
        kafka = Map.copyOf(kafka);
        Objects.requireNonNull(groupPrefix, "groupPrefix");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
    }

    /**
     * Reads this part.
     *
     * @param kafka the file's other {@code kafka.*} keys, without the prefix, passed through to the clients
     */
    public static ClusterSettings from(SettingValues v, Map<String, Object> kafka) {
        Map<String, Object> client = new HashMap<>(kafka);
        String bootstrap = v.raw("kafka.bootstrap.servers").strip();
        if (bootstrap.isEmpty()) {
            client.remove("bootstrap.servers");
        } else {
            client.put("bootstrap.servers", bootstrap);
        }
        return new ClusterSettings(client, v.text("groups.prefix"), v.integer("topics.partitions", 1, 1000), Topics.from(v),
                Retention.from(v));
    }

    /** Every key at its default: no cluster (the embedded broker), the documented topics and retention. */
    public static ClusterSettings defaults() {
        return from(SettingValues.defaults(KEYS), Map.of());
    }

    /** True when a cluster was configured; when not, {@code run} starts the embedded broker. */
    public boolean hasBootstrapServers() {
        return kafka.containsKey("bootstrap.servers");
    }

    /** The consumer group the ingest instances of this deployment share the feeds in. */
    public String ingestGroupId() {
        return groupPrefix + "-ingest";
    }

    /** The Streams application id of the enrich stage. */
    public String enrichApplicationId() {
        return groupPrefix + "-enrich";
    }

    /** The Streams application id of the sink stage. */
    public String sinkApplicationId() {
        return groupPrefix + "-sink";
    }

    /** The consumer group of the file sink. */
    public String fileSinkGroup() {
        return groupPrefix + "-sink-file";
    }

    /** The consumer group of the webhook sink. */
    public String webhookGroup() {
        return groupPrefix + "-sink-webhook";
    }

    /** This part pointing at {@code bootstrapServers}. */
    public ClusterSettings withBootstrapServers(String bootstrapServers) {
        Map<String, Object> k = new HashMap<>(kafka);
        k.put("bootstrap.servers", bootstrapServers);
        return new ClusterSettings(k, groupPrefix, partitions, topics, retention);
    }

    /** This part with the client settings {@code client} instead, {@code bootstrap.servers} included. */
    public ClusterSettings withKafka(Map<String, Object> client) {
        return new ClusterSettings(client, groupPrefix, partitions, topics, retention);
    }

    /** This part with the groups prefix {@code prefix}. */
    public ClusterSettings withGroupPrefix(String prefix) {
        return new ClusterSettings(kafka, prefix, partitions, topics, retention);
    }

    /** This part with other topic names. */
    public ClusterSettings withTopics(Topics other) {
        return new ClusterSettings(kafka, groupPrefix, partitions, other, retention);
    }

    /** This part with another retention. */
    public ClusterSettings withRetention(Retention other) {
        return new ClusterSettings(kafka, groupPrefix, partitions, topics, other);
    }
}
