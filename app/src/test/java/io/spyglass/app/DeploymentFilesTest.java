package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.model.settings.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What can be checked of docker-compose.yml and the Dockerfile without a Docker engine. */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode compose() throws Exception {
        return YAML.readTree(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @Test
    void everyStageServiceRunsARealSpyglassCommand() throws Exception {
        JsonNode services = compose().get("services");
        List<String> stages = new ArrayList<>();
        for (String name : List.of("ingest", "enrich", "sink", "web")) {
            JsonNode command = services.get(name).get("command");
            List<String> args = new ArrayList<>();
            command.forEach(a -> args.add(a.asText()));
            CommandLine.ParseResult parsed = Spyglass.commandLine().parseArgs(args.toArray(String[]::new));
            assertThat(parsed.hasSubcommand()).as(name + " runs a subcommand").isTrue();
            stages.add(parsed.subcommand().commandSpec().name());
            assertThat(parsed.subcommand().matchedOptionValue("--bootstrap-servers", "")).isEqualTo("kafka:9092");
        }
        assertThat(stages).containsExactly("ingest", "enrich", "sink", "web");
    }

    @Test
    void everyImageTagIsPinnedAndTestsUseTheSameKafka() throws Exception {
        JsonNode services = compose().get("services");
        List<String> images = new ArrayList<>();
        services.forEach(s -> {
            if (s.has("image")) {
                images.add(s.get("image").asText());
            }
        });
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image)
                .matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*").doesNotEndWith(":latest"));
        assertThat(services.get("kafka").get("image").asText()).isEqualTo(KafkaBroker.IMAGE);
    }

    @Test
    void stagesWaitForAHealthyBrokerAndMountTheConfig() throws Exception {
        JsonNode services = compose().get("services");
        assertThat(services.get("kafka").has("healthcheck")).isTrue();
        for (String name : List.of("ingest", "enrich", "sink", "web")) {
            assertThat(services.get(name).at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
            assertThat(services.get(name).get("volumes").toString()).contains("./config:/spyglass/config");
        }
    }

    @Test
    void everyStageServiceIsHealthyOnlyWhenItsReadyEndpointSaysSo() throws Exception {
        JsonNode services = compose().get("services");
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT .*\"-jar\", \"([^\"]+)\"").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertThat(entrypoint.find()).as("Dockerfile runs a jar").isTrue();
        for (String name : List.of("ingest", "enrich", "sink")) {
            JsonNode check = services.get(name).get("healthcheck");
            assertThat(check).as(name + " has a healthcheck").isNotNull();
            List<String> test = new ArrayList<>();
            check.get("test").forEach(a -> test.add(a.asText()));
            assertThat(test).as(name).startsWith("CMD", "java");
            int jar = test.indexOf("-jar");
            assertThat(test.get(jar + 1)).as(name + " checks with the image's own jar").isEqualTo(entrypoint.group(1));
            String[] args = test.subList(jar + 2, test.size()).toArray(String[]::new);
            CommandLine.ParseResult parsed = Spyglass.commandLine().parseArgs(args);
            assertThat(parsed.subcommand().commandSpec().name()).as(name).isEqualTo("health");
            assertThat(parsed.subcommand().matchedOptionValue("--url", java.net.URI.create("http://localhost:8081/health/ready")))
                    .as(name + " asks readiness").hasPath("/health/ready");
            assertThat(check.get("interval").asText()).as(name).isNotBlank();
            assertThat(check.get("start_period").asText()).as(name + ": Streams and the seen ids take a while").isNotBlank();
        }
    }

    @Test
    void theImageOpensTheEndpointToOtherContainersThoughTheDefaultKeepsItLocal() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        Key address = SpyglassConfig.KEYS.stream().filter(k -> k.key().equals("http.address")).findFirst().orElseThrow();

        assertThat(address.defaultValue()).isEqualTo("127.0.0.1");
        assertThat(dockerfile).containsPattern("(?m)^ENV " + address.env() + "=0\\.0\\.0\\.0$");
    }
}
