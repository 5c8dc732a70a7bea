package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpyglassConfigTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsTheFetchAllowListFromAYamlList() throws Exception {
        SpyglassConfig config = SpyglassConfig.load(file("fetch:\n  allow: [10.1.0.0/16, 127.0.0.1]\n"), Map.of(), Map.of());

        assertThat(config.fetch().addresses().allowed()).containsExactly(Cidr.parse("10.1.0.0/16"), Cidr.parse("127.0.0.1/32"));
        assertThat(config.fetch().addresses().allowPrivate()).isFalse();
    }

    @Test
    void readsTheFetchAllowListFromACommaSeparatedVariable() throws Exception {
        SpyglassConfig config = SpyglassConfig.load(file("{}\n"), Map.of("SPYGLASS_FETCH_ALLOW", "192.168.0.0/24, fd00::/8"), Map.of());

        assertThat(config.fetch().addresses().allowed()).containsExactly(Cidr.parse("192.168.0.0/24"), Cidr.parse("fd00::/8"));
    }

    @Test
    void namesTheFileAndKeyOfABadBlock() throws Exception {
        Path file = file("fetch:\n  allow: [10.0.0.0/40]\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));

        assertThat(e.getMessage()).isEqualTo(file + ": key 'fetch.allow': '10.0.0.0/40' has a prefix length outside 0..32");
    }

    @Test
    void defaultsThePolitenessSettingsAndTheFeedStatusTopic() throws Exception {
        SpyglassConfig config = SpyglassConfig.load(file("{}\n"), Map.of(), Map.of());

        assertThat(config.fetch().hostConcurrency()).isEqualTo(2);
        assertThat(config.fetch().hostDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.fetch().robots()).isTrue();
        assertThat(config.fetch().addresses().allowed()).isEqualTo(List.of());
        assertThat(config.topics()).isEqualTo(Topics.defaults());
    }
}
