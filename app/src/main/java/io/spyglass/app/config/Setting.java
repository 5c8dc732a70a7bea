package io.spyglass.app.config;

import io.spyglass.app.Spyglass;

/** Every configuration key Spyglass reads, with its environment variable, default and meaning. */
public enum Setting {
    BOOTSTRAP_SERVERS("kafka.bootstrap.servers", "SPYGLASS_BOOTSTRAP_SERVERS", "",
            "Kafka cluster to use; empty starts the embedded broker (run only)"),
    KAFKA_PORT("embedded.port", "SPYGLASS_KAFKA_PORT", "9092", "port of the embedded broker; 0 picks a free one"),
    DATA_DIR("data.dir", "SPYGLASS_DATA_DIR", "data", "embedded broker log and Streams state"),
    GROUP_PREFIX("groups.prefix", "SPYGLASS_GROUP_PREFIX", "spyglass",
            "prefix of consumer group and Streams application ids, so two deployments can share a cluster"),
    PARTITIONS("topics.partitions", "SPYGLASS_TOPIC_PARTITIONS", "3", "partitions of topics Spyglass creates"),
    TOPIC_ARTICLES("topics.articles", "SPYGLASS_TOPIC_ARTICLES", "spyglass.articles", "extracted articles (compacted)"),
    TOPIC_ENRICHED("topics.enriched", "SPYGLASS_TOPIC_ENRICHED", "spyglass.enriched", "every article with its tags (compacted)"),
    TOPIC_ESPIONAGE("topics.espionage", "SPYGLASS_TOPIC_ESPIONAGE", "spyglass.espionage", "espionage stories (compacted)"),
    TOPIC_DEAD_LETTER("topics.dead-letter", "SPYGLASS_TOPIC_DEAD_LETTER", "spyglass.dead-letter", "records no stage could process"),
    TOPIC_SEEN("topics.seen", "SPYGLASS_TOPIC_SEEN", "spyglass.seen", "ids of items ingest has produced (compacted)"),
    TOPIC_FEED_STATUS("topics.feed-status", "SPYGLASS_TOPIC_FEED_STATUS", "spyglass.feed-status",
            "each feed's health after its last poll (compacted)"),
    RETENTION_ARTICLES("retention.articles", "SPYGLASS_RETENTION_ARTICLES", "365d",
            "how long spyglass.articles and spyglass.enriched keep an article not written again (retention.ms)"),
    RETENTION_STORIES("retention.stories", "SPYGLASS_RETENTION_STORIES", "365d",
            "how long spyglass.espionage keeps a story, and the sink a closed story's last version"),
    RETENTION_SEEN("retention.seen", "SPYGLASS_RETENTION_SEEN", "90d",
            "how long a seen mark lasts once its item is no longer listed; also enrich's dedupe memory"),
    RETENTION_DEAD_LETTER("retention.dead-letter", "SPYGLASS_RETENTION_DEAD_LETTER", "14d",
            "how long spyglass.dead-letter keeps a record"),
    RETENTION_OPEN_STORIES("retention.open-stories", "SPYGLASS_RETENTION_OPEN_STORIES", "14d",
            "a story nobody added to for this long is closed (leaves the sink's store)"),
    RETENTION_TOMBSTONES("retention.tombstones", "SPYGLASS_RETENTION_TOMBSTONES", "1d",
            "how long a delete stays on a compacted topic or changelog (delete.retention.ms)"),
    FEEDS_FILE("feeds.file", "SPYGLASS_FEEDS", "config/feeds.yaml", "the feed list"),
    FEEDS_INTERVAL("feeds.interval", "SPYGLASS_FEEDS_INTERVAL", "15m", "poll interval of feeds that set none"),
    INGEST_THREADS("ingest.threads", "SPYGLASS_INGEST_THREADS", "8", "feeds polled at the same time"),
    MAX_ITEMS_PER_FEED("ingest.max-items-per-feed", "SPYGLASS_MAX_ITEMS_PER_FEED", "500",
            "items taken from one feed per poll, newest first; the rest wait for later polls (noted in feed-status)"),
    MAX_TEXT_BYTES("ingest.max-text-bytes", "SPYGLASS_MAX_TEXT_BYTES", "524288",
            "UTF-8 bytes of an article's text kept; the rest is dropped (under Kafka's 1 MiB record limit)"),
    USER_AGENT("fetch.user-agent", "SPYGLASS_USER_AGENT", "Spyglass/0.1 (+https://github.com/spyglass-news/spyglass)",
            "User-Agent of every request; name a contact URL"),
    ALLOW_PRIVATE("fetch.allow-private-addresses", "SPYGLASS_ALLOW_PRIVATE_ADDRESSES", "false",
            "allow fetching loopback, private and link-local addresses"),
    FETCH_ALLOW("fetch.allow", "SPYGLASS_FETCH_ALLOW", "",
            "CIDR blocks (comma-separated or a YAML list) fetched even though not public, e.g. 10.1.0.0/16"),
    HOST_CONCURRENCY("fetch.host-concurrency", "SPYGLASS_FETCH_HOST_CONCURRENCY", "2", "requests to one host at the same time"),
    HOST_DELAY("fetch.host-delay", "SPYGLASS_FETCH_HOST_DELAY", "1s", "least time between two requests to one host"),
    FETCH_PROXY("fetch.proxy", "SPYGLASS_FETCH_PROXY", "",
            "HTTP proxy for feeds and pages, host:port (https through CONNECT); empty: connect directly"),
    ROBOTS("fetch.robots", "SPYGLASS_FETCH_ROBOTS", "true", "obey robots.txt for article pages"),
    CONNECT_TIMEOUT("fetch.connect-timeout", "SPYGLASS_CONNECT_TIMEOUT", "10s", "time to open a connection"),
    FETCH_TIMEOUT("fetch.timeout", "SPYGLASS_FETCH_TIMEOUT", "30s", "time for a whole fetch, body included"),
    MAX_BYTES("fetch.max-bytes", "SPYGLASS_FETCH_MAX_BYTES", "10485760", "largest feed or page body, after decompression"),
    MAX_REDIRECTS("fetch.max-redirects", "SPYGLASS_FETCH_MAX_REDIRECTS", "5", "redirects followed per fetch"),
    OUT("sink.out", "SPYGLASS_OUT", "", "JSON-lines file the sink appends each espionage story to; empty for none"),
    WEBHOOK_URLS("webhook.urls", "SPYGLASS_WEBHOOK_URLS", "",
            "comma-separated URLs that get each new or updated story as its JSON record (POST)"),
    WEBHOOK_SLACK_URLS("webhook.slack-urls", "SPYGLASS_WEBHOOK_SLACK_URLS", "",
            "comma-separated Slack incoming-webhook URLs that get a short message per new or updated story"),
    WEBHOOK_MAX_ATTEMPTS("webhook.max-attempts", "SPYGLASS_WEBHOOK_MAX_ATTEMPTS", "5",
            "attempts per story and URL, with doubling waits from 1 s, before the story goes to the dead-letter topic"),
    WEBHOOK_TIMEOUT("webhook.timeout", "SPYGLASS_WEBHOOK_TIMEOUT", "10s", "time for one webhook request, answer included"),
    TAXONOMY("tagger.taxonomy", "SPYGLASS_TAXONOMY", "config/taxonomy.yaml", "user taxonomy extending the bundled one, if the file exists"),
    HTTP_ADDRESS("http.address", "SPYGLASS_HTTP_ADDRESS", "127.0.0.1",
            "address the health and metrics endpoint listens on (the image sets 0.0.0.0)"),
    HTTP_PORT("http.port", "SPYGLASS_HTTP_PORT", "8081",
            "port of the health and metrics endpoint (/health/live, /health/ready, /metrics); 0 picks a free one"),
    WEB_ADDRESS("web.address", "SPYGLASS_WEB_ADDRESS", "127.0.0.1",
            "address the web view listens on (the image sets 0.0.0.0)"),
    WEB_PORT("web.port", "SPYGLASS_WEB_PORT", "8080", "port of the web view; 0 picks a free one"),
    WEB_MAX_STORIES("web.max-stories", "SPYGLASS_WEB_MAX_STORIES", "100000",
            "most stories the web view holds in memory (about 2 KB each); past that the one seen longest ago is left out");

    final String key;
    public final String env;
    public final String defaultValue;
    final String meaning;

    Setting(String key, String env, String defaultValue, String meaning) {
        this.key = key;
        this.env = env;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    static Setting byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
