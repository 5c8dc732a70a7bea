package io.spyglass.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spyglass.ingest.fetch.Cidr;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.net.InetSocketAddress;
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

    @Test
    void defaultsWorkWithoutAnyFile() {
        SpyglassConfig config = SpyglassConfig.load(null, Map.of(), Map.of());

        assertThat(config.usesEmbeddedBroker()).isTrue();
        assertThat(config.embedded().port()).isEqualTo(9092);
        assertThat(config.cluster().topics().enriched()).isEqualTo("spyglass.enriched");
        assertThat(config.ingest().feedsInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.ingest().fetch().addresses().allowPrivate()).isFalse();
        assertThat(config.cluster().enrichApplicationId()).isEqualTo("spyglass-enrich");
        assertThat(config.cluster().ingestGroupId()).isEqualTo("spyglass-ingest");
    }

    @Test
    void fileThenEnvironmentThenFlagsLaterWins() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, """
                kafka:
                  bootstrap.servers: file:9092
                  security.protocol: SSL
                feeds:
                  interval: 5m
                fetch:
                  timeout: 20s
                """);

        SpyglassConfig config = SpyglassConfig.load(file, Map.of("SPYGLASS_FEEDS_INTERVAL", "2m"),
                Map.of("kafka.bootstrap.servers", "flag:9092"));

        assertThat(config.cluster().kafka()).containsEntry("bootstrap.servers", "flag:9092").containsEntry("security.protocol", "SSL");
        assertThat(config.ingest().feedsInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.ingest().fetch().totalTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aBadValueNamesTheFileAndTheKey() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, "fetch:\n  max-redirects: lots\n");

        var e = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));

        assertThat(e.getMessage()).isEqualTo(file + ": key 'fetch.max-redirects': 'fetch.max-redirects' must be a whole number, not 'lots'");
    }

    // https://github.com/spyglass-news/spyglass/issues/17
    @Test
    void readsTheRetentionOfTopicsStoresAndSeenMarks() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, "retention:\n  articles: 30d\n  seen: 45d\n  open-stories: 7d\n");

        SpyglassConfig config = SpyglassConfig.load(file, Map.of("SPYGLASS_RETENTION_DEAD_LETTER", "2d"), Map.of());

        assertThat(config.cluster().retention()).isEqualTo(new Retention(Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(45),
                Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(1)));
        assertThat(SpyglassConfig.load(null, Map.of(), Map.of()).cluster().retention()).isEqualTo(Retention.defaults());
    }

    @Test
    void refusesOpenStoriesLongerThanStoriesAndZeroRetentions() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, "retention:\n  stories: 10d\n  open-stories: 20d\n");

        var longer = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));
        var zero = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_RETENTION_SEEN", "0s"), Map.of()));

        assertThat(longer.getMessage()).isEqualTo(file + ": key 'retention.open-stories': 'retention.open-stories' (20d) must not "
                + "be longer than 'retention.stories' (10d)");
        assertThat(zero.getMessage()).isEqualTo("environment variable SPYGLASS_RETENTION_SEEN: 'retention.seen' must be longer than 0");
    }

    @Test
    void anUnknownKeyIsAnError() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, "fetch:\n  timeuot: 10s\n");

        var e = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));

        assertThat(e.getMessage()).isEqualTo(file + ": unknown key 'fetch.timeuot'");
    }

    @Test
    void aBadEnvironmentVariableIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_ALLOW_PRIVATE_ADDRESSES", "yes"), Map.of()));

        assertThat(e.getMessage()).isEqualTo("environment variable SPYGLASS_ALLOW_PRIVATE_ADDRESSES: "
                + "'fetch.allow-private-addresses' must be true or false, not 'yes'");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path file = dir.resolve("absent.yaml");

        var e = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));

        assertThat(e.getMessage()).isEqualTo(file + ": file not found");
    }

    @Test
    void malformedYamlGivesTheLine() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, "fetch:\n  timeout: 10s\n   bad: [\n");

        var e = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));

        assertThat(e.getMessage()).startsWith(file + ": not valid YAML at line 3");
    }

    @Test
    void theShippedConfigFileLoads() {
        SpyglassConfig config = SpyglassConfig.load(Path.of("..", "config", "spyglass.yaml"), Map.of(), Map.of());

        assertThat(config.usesEmbeddedBroker()).isTrue();
        assertThat(config.ingest().feedsFile()).isEqualTo(Path.of("config/feeds.yaml"));
    }

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsTheFetchAllowListFromAYamlList() throws Exception {
        SpyglassConfig config = SpyglassConfig.load(file("fetch:\n  allow: [10.1.0.0/16, 127.0.0.1]\n"), Map.of(), Map.of());

        assertThat(config.ingest().fetch().addresses().allowed()).containsExactly(Cidr.parse("10.1.0.0/16"), Cidr.parse("127.0.0.1/32"));
        assertThat(config.ingest().fetch().addresses().allowPrivate()).isFalse();
    }

    @Test
    void readsTheFetchAllowListFromACommaSeparatedVariable() throws Exception {
        SpyglassConfig config = SpyglassConfig.load(file("{}\n"), Map.of("SPYGLASS_FETCH_ALLOW", "192.168.0.0/24, fd00::/8"), Map.of());

        assertThat(config.ingest().fetch().addresses().allowed()).containsExactly(Cidr.parse("192.168.0.0/24"), Cidr.parse("fd00::/8"));
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

        assertThat(config.ingest().fetch().hostConcurrency()).isEqualTo(2);
        assertThat(config.ingest().fetch().hostDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.ingest().fetch().robots()).isTrue();
        assertThat(config.ingest().fetch().addresses().allowed()).isEqualTo(List.of());
        assertThat(config.cluster().topics()).isEqualTo(Topics.defaults());
    }

    @Test
    void readsWebhookUrlListsAndTurnsThemOnlyOnWhenGiven() {
        SpyglassConfig none = SpyglassConfig.load(null, Map.of(), Map.of());
        SpyglassConfig some = SpyglassConfig.load(null, Map.of("SPYGLASS_WEBHOOK_URLS", "https://a.example/hook, http://b.example/x",
                "SPYGLASS_WEBHOOK_SLACK_URLS", "https://hooks.slack.example/T1"), Map.of());

        assertThat(none.sink().webhooks().enabled()).isFalse();
        assertThat(some.sink().webhooks().jsonUrls()).extracting(Object::toString).containsExactly("https://a.example/hook", "http://b.example/x");
        assertThat(some.sink().webhooks().slackUrls()).extracting(Object::toString).containsExactly("https://hooks.slack.example/T1");
        assertThat(some.sink().webhooks().maxAttempts()).isEqualTo(5);
        assertThat(some.cluster().webhookGroup()).isEqualTo("spyglass-sink-webhook");
    }

    @Test
    void refusesAWebhookUrlThatIsNotHttp() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_WEBHOOK_URLS", "ftp://a.example/hook"), Map.of()));

        assertThat(e.getMessage()).isEqualTo("environment variable SPYGLASS_WEBHOOK_URLS: 'webhook.urls' has a bad URL "
                + "'ftp://a.example/hook': only http and https URLs with a host are supported");
    }

    @Test
    void theHealthEndpointListensOnLoopbackPort8081UnlessConfigured() {
        SpyglassConfig defaults = SpyglassConfig.load(null, Map.of(), Map.of());
        SpyglassConfig set = SpyglassConfig.load(null, Map.of("SPYGLASS_HTTP_ADDRESS", "0.0.0.0", "SPYGLASS_HTTP_PORT", "0"), Map.of());

        assertThat(defaults.health().address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(defaults.health().address().getPort()).isEqualTo(8081);
        assertThat(set.health().address().getAddress().isAnyLocalAddress()).isTrue();
        assertThat(set.health().address().getPort()).isZero();
    }

    @Test
    void theWebViewListensOnLoopbackPort8080UnlessConfigured() {
        SpyglassConfig defaults = SpyglassConfig.load(null, Map.of(), Map.of());
        SpyglassConfig set = SpyglassConfig.load(null, Map.of("SPYGLASS_WEB_ADDRESS", "0.0.0.0", "SPYGLASS_WEB_PORT", "0",
                "SPYGLASS_WEB_MAX_STORIES", "500"), Map.of());

        assertThat(defaults.web().address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(defaults.web().address().getPort()).isEqualTo(8080);
        assertThat(set.web().address().getAddress().isAnyLocalAddress()).isTrue();
        assertThat(set.web().address().getPort()).isZero();
        assertThat(set.web().maxStories()).isEqualTo(500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_WEB_MAX_STORIES", "0"), Map.of()));
        assertThat(e).hasMessageContaining("SPYGLASS_WEB_MAX_STORIES");
    }

    @Test
    void fetchesDirectlyUnlessAProxyIsSetAsHostAndPort() {
        SpyglassConfig direct = SpyglassConfig.load(null, Map.of(), Map.of());
        SpyglassConfig bare = SpyglassConfig.load(null, Map.of("SPYGLASS_FETCH_PROXY", "proxy.corp.example:3128"), Map.of());
        SpyglassConfig url = SpyglassConfig.load(null, Map.of("SPYGLASS_FETCH_PROXY", "http://proxy.corp.example:8080/"), Map.of());

        assertThat(direct.ingest().fetch().proxy()).isNull();
        assertThat(bare.ingest().fetch().proxy()).isEqualTo(InetSocketAddress.createUnresolved("proxy.corp.example", 3128));
        assertThat(url.ingest().fetch().proxy()).isEqualTo(InetSocketAddress.createUnresolved("proxy.corp.example", 8080));
    }

    @Test
    void aBadProxyIsNamedWithWhatIsWrong() {
        var noPort = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_FETCH_PROXY", "proxy.corp.example"), Map.of()));
        var credentials = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_FETCH_PROXY", "http://me:secret@proxy.corp.example:3128"), Map.of()));
        var socks = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_FETCH_PROXY", "socks5://proxy.corp.example:1080"), Map.of()));

        assertThat(noPort.getMessage()).isEqualTo("environment variable SPYGLASS_FETCH_PROXY: 'fetch.proxy' is not a proxy address: "
                + "'proxy.corp.example' (expected host:port or http://host:port)");
        assertThat(credentials.getMessage()).startsWith("environment variable SPYGLASS_FETCH_PROXY: 'fetch.proxy' holds credentials")
                .doesNotContain("secret");
        assertThat(socks.getMessage()).endsWith("(expected host:port or http://host:port)");
    }

    @Test
    void aBadHealthEndpointPortOrAddressIsNamed() throws Exception {
        Path file = dir.resolve("spyglass.yaml");
        Files.writeString(file, "http:\n  port: 70000\n");

        var port = assertThrows(IllegalArgumentException.class, () -> SpyglassConfig.load(file, Map.of(), Map.of()));
        var address = assertThrows(IllegalArgumentException.class,
                () -> SpyglassConfig.load(null, Map.of("SPYGLASS_HTTP_ADDRESS", "no such host.invalid"), Map.of()));

        assertThat(port.getMessage()).isEqualTo(file + ": key 'http.port': 'http.port' must be between 0 and 65535, not 70000");
        assertThat(address.getMessage()).isEqualTo("environment variable SPYGLASS_HTTP_ADDRESS: 'http.address' is not an address: "
                + "'no such host.invalid'");
    }
}
