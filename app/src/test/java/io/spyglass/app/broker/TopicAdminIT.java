package io.spyglass.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.spyglass.app.KafkaBroker;
import io.spyglass.model.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBroker.class)
class TopicAdminIT {

    @Test
    void createsTheTopicsWithOnePerKeyCompactedAndTheDeadLetterTopicDeleting(KafkaBroker.Cluster kafka) throws Exception {
        String prefix = "admin-" + UUID.randomUUID() + ".";
        Topics topics = new Topics(prefix + "articles", prefix + "enriched", prefix + "espionage", prefix + "dead-letter",
                prefix + "seen", prefix + "feed-status");
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (TopicAdmin topicAdmin = new TopicAdmin(client)) {
            topicAdmin.ensure(topics, 2);
            // a second call finds them all and leaves them alone
            topicAdmin.ensure(topics, 2);
        }

        try (Admin admin = Admin.create(client)) {
            List<ConfigResource> resources = topics.all().stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (ConfigResource resource : resources) {
                String policy = configs.get(resource).get("cleanup.policy").value();
                assertThat(policy).as(resource.name())
                        .isEqualTo(resource.name().equals(topics.deadLetter()) ? "delete" : "compact");
            }
            assertThat(admin.describeTopics(topics.all()).allTopicNames().get(30, TimeUnit.SECONDS).values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(2));
        }
    }
}
