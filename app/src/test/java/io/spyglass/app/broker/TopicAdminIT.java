package io.spyglass.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spyglass.app.KafkaBroker;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBroker.class)
public class TopicAdminIT {

    // https://github.com/spyglass-news/spyglass/issues/17: every topic is created with a cleanup policy and a retention,
    // so none grows without bound (the compacted ones keyed by id as compact,delete, which bounds them by time)
    @Test
    void createsTheTopicsWithOnePerKeyCompactedAndDeletedByAgeAndTheDeadLetterTopicDeleting(KafkaBroker.Cluster kafka)
            throws Exception {
        Topics topics = topics();
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (TopicAdmin topicAdmin = new TopicAdmin(client)) {
            topicAdmin.ensure(topics, 2, Retention.defaults());
            // a second call finds them all and leaves them alone
            topicAdmin.ensure(topics, 2, Retention.defaults());
        }

        Map<String, Map<String, String>> configs = configs(client, topics);
        long day = 86_400_000L;
        for (String name : List.of(topics.articles(), topics.enriched(), topics.espionage())) {
            assertThat(configs.get(name)).as(name).containsEntry("cleanup.policy", "compact,delete")
                    .containsEntry("retention.ms", Long.toString(365 * day)).containsEntry("delete.retention.ms", Long.toString(day));
        }
        assertThat(configs.get(topics.seen())).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", Long.toString(90 * day));
        assertThat(configs.get(topics.feedStatus())).containsEntry("cleanup.policy", "compact")
                .containsEntry("delete.retention.ms", Long.toString(day));
        assertThat(configs.get(topics.deadLetter())).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(14 * day));
        try (Admin admin = Admin.create(client)) {
            assertThat(admin.describeTopics(topics.all()).allTopicNames().get(30, TimeUnit.SECONDS).values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(2));
        }
    }

    @Test
    void createsTheTopicsWithTheConfiguredRetention(KafkaBroker.Cluster kafka) throws Exception {
        Topics topics = topics();
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        Retention retention = new Retention(Duration.ofDays(30), Duration.ofDays(60), Duration.ofDays(7), Duration.ofDays(2),
                Duration.ofDays(3), Duration.ofHours(6));
        try (TopicAdmin topicAdmin = new TopicAdmin(client)) {
            topicAdmin.ensure(topics, 1, retention);
        }

        Map<String, Map<String, String>> configs = configs(client, topics);
        assertThat(configs.get(topics.articles())).containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()))
                .containsEntry("delete.retention.ms", Long.toString(Duration.ofHours(6).toMillis()));
        assertThat(configs.get(topics.enriched())).containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(configs.get(topics.espionage())).containsEntry("retention.ms", Long.toString(Duration.ofDays(60).toMillis()));
        assertThat(configs.get(topics.seen())).containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
        assertThat(configs.get(topics.deadLetter())).containsEntry("retention.ms", Long.toString(Duration.ofDays(2).toMillis()));
    }

    private static Topics topics() {
        String prefix = "admin-" + UUID.randomUUID() + ".";
        return new Topics(prefix + "articles", prefix + "enriched", prefix + "espionage", prefix + "dead-letter",
                prefix + "seen", prefix + "feed-status");
    }

    /** The configuration of each topic as the broker describes it, by topic name. */
    public static Map<String, Map<String, String>> configs(Map<String, Object> client, Topics topics) {
        return configs(client, topics.all());
    }

    public static Map<String, Map<String, String>> configs(Map<String, Object> client, List<String> names) {
        // a topic created a moment ago can be unknown to the broker that answers until the metadata reaches it
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ExecutionException.class)
                .until(() -> describe(client, names), described -> true);
    }

    private static Map<String, Map<String, String>> describe(Map<String, Object> client, List<String> names) throws Exception {
        try (Admin admin = Admin.create(client)) {
            List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> described = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<String, Map<String, String>> out = new java.util.HashMap<>();
            described.forEach((resource, config) -> {
                Map<String, String> values = new java.util.HashMap<>();
                config.entries().forEach(e -> values.put(e.name(), e.value()));
                out.put(resource.name(), values);
            });
            return out;
        }
    }
}
