package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.stage.Stages;
import io.spyglass.model.Json;
import io.spyglass.model.Retention;
import io.spyglass.testkit.StoryFarm;
import io.spyglass.web.WebApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The web view's API over stories on a real broker, with a poison record and a deleted story among them. */
@ExtendWith(KafkaBroker.class)
class WebApiIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilteredPagesStoriesAndLiveEventsAndSkipsPoison(KafkaBroker.Cluster kafka) throws Exception {
        SpyglassConfig config = Deployment.create(dir).load(kafka.bootstrapServers(), Map.of());
        try (TopicAdmin admin = new TopicAdmin(config.cluster().kafka())) {
            admin.ensure(config.cluster().topics(), 3, Retention.defaults());
        }
        String topic = config.cluster().topics().espionage();
        StoryFarm.write(kafka.bootstrapServers(), topic, 300, 1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "poison", "{not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, "story-7", null)).get(30, TimeUnit.SECONDS);
        }
        long japan = IntStream.range(0, 300).filter(i -> i != 7)
                .filter(i -> StoryFarm.story(i, 1).tags().victims().get(0).code().equals("JP")).count();

        try (WebApp web = Stages.web(config)) {
            assertThat(web.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            URI base = URI.create("http://127.0.0.1:" + web.port() + "/");

            JsonNode all = Json.MAPPER.readTree(get(base, "api/stories?limit=10").body());
            assertThat(all.get("total").asInt()).as("the poison record and the deleted story are not shown").isEqualTo(299);
            assertThat(all.get("stories")).hasSize(10);
            assertThat(all.get("stories").get(0).get("storyId").asText()).as("newest first").isEqualTo("story-299");
            JsonNode victims = Json.MAPPER.readTree(get(base, "api/stories?victim=JP&limit=200").body());
            assertThat(victims.get("total").asLong()).isEqualTo(japan);
            victims.get("stories").forEach(s -> assertThat(s.get("victims").get(0).get("code").asText()).isEqualTo("JP"));

            HttpResponse<String> story = get(base, "api/stories/story-12");
            assertThat(story.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(story.body()).get("sources").get(0).get("evidence").size()).isPositive();
            assertThat(get(base, "api/stories/story-7").statusCode()).isEqualTo(404);
            HttpResponse<String> bad = get(base, "api/stories?from=last-week");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("'from' must be a date");
            assertThat(get(base, "").body()).contains("<title>Spyglass</title>");
            assertThat(get(base, "").headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("script-src 'self'"));
            assertThat(get(base, "webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).as("served offline").isEqualTo(200);

            // a client following victim=DE hears of a new German story, not of a Japanese one
            HttpRequest events = HttpRequest.newBuilder(base.resolve("api/events?victim=DE"))
                    .header("Accept", "text/event-stream").build();
            CompletableFuture<String> heard = new CompletableFuture<>();
            CompletableFuture<Void> subscribed = new CompletableFuture<>();
            CLIENT.sendAsync(events, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event: hello") || line.startsWith("event:hello")) {
                            subscribed.complete(null);
                        }
                        if (line.startsWith("data:") && line.contains("storyId")) {
                            heard.complete(line);
                            return;
                        }
                    }
                } catch (Exception e) {
                    heard.completeExceptionally(e);
                }
            });
            subscribed.get(30, TimeUnit.SECONDS);
            int german = IntStream.range(300, 400)
                    .filter(i -> StoryFarm.story(i, 1).tags().victims().get(0).code().equals("DE")).findFirst().orElseThrow();
            int other = IntStream.range(300, 400)
                    .filter(i -> !StoryFarm.story(i, 1).tags().victims().get(0).code().equals("DE")).findFirst().orElseThrow();
            StoryFarm.write(kafka.bootstrapServers(), topic, List.of(StoryFarm.story(other, 1), StoryFarm.story(german, 1)));
            assertThat(heard.get(30, TimeUnit.SECONDS)).contains("\"storyId\":\"story-" + german + "\"");
        }
    }
}
