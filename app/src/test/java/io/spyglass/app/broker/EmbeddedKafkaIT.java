package io.spyglass.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    void aTemporaryBrokerDeletesItsDirectoryWithItsLogOnClose() throws Exception {
        Path dir;
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary("spyglass-embedded-it")) {
            dir = kafka.temporaryDirectory();
            // state kept beside the broker's log, as the benchmark keeps its Streams stores
            Files.writeString(Files.createDirectories(dir.resolve("streams/task")).resolve("checkpoint"), "0");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
            assertThat(dir.resolve("kafka")).isDirectory();
        }

        assertThat(dir).doesNotExist();
    }
}
