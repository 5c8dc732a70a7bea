package io.spyglass.ingest;

import io.spyglass.ingest.extract.SiteRules;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.fetch.FetchSettings;
import io.spyglass.ingest.poll.ItemLimits;
import io.spyglass.model.Retention;
import io.spyglass.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the ingest stage needs.
 *
 * @param kafka         Kafka client settings (bootstrap.servers and any pass-through keys)
 * @param topics        topic names
 * @param feeds         the feeds to poll
 * @param feedsFile     the file the feeds came from, re-read when it changes; null for a fixed list
 * @param feedsInterval poll interval of feeds in {@code feedsFile} that set none
 * @param fetch         HTTP limits and identity
 * @param siteRules     per-site extraction overrides
 * @param threads       feeds polled at the same time: the global bound on concurrent fetches
 * @param instanceId    unique per running instance; names its transactional producer
 * @param limits        items taken per feed poll and text bytes kept per article
 * @param groupId       consumer group the deployment's ingest instances share the feeds in; also the prefix of their
 *                      transactional ids, so two deployments on one cluster neither split each other's feeds nor fence
 *                      each other's producers
 * @param seenRetention how long a seen mark lasts unless written again ({@code retention.seen})
 */
public record IngestConfig(Map<String, Object> kafka, Topics topics, List<FeedSource> feeds, Path feedsFile,
                           Duration feedsInterval, FetchSettings fetch, SiteRules siteRules, int threads, String instanceId,
                           ItemLimits limits, String groupId, Duration seenRetention) {
    /** The group of a deployment that sets no {@code groups.prefix} (whose default is "spyglass"). */
    public static final String DEFAULT_GROUP_ID = "spyglass-ingest";

    public IngestConfig {
        kafka = Map.copyOf(kafka);
        Objects.requireNonNull(topics, "topics");
        feeds = List.copyOf(feeds);
        Objects.requireNonNull(feedsInterval, "feedsInterval");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(siteRules, "siteRules");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(seenRetention, "seenRetention");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
    }

    /** A configuration with the default seen retention. */
    public IngestConfig(Map<String, Object> kafka, Topics topics, List<FeedSource> feeds, Path feedsFile, Duration feedsInterval,
                        FetchSettings fetch, SiteRules siteRules, int threads, String instanceId, ItemLimits limits,
                        String groupId) {
        this(kafka, topics, feeds, feedsFile, feedsInterval, fetch, siteRules, threads, instanceId, limits, groupId,
                Retention.defaults().seen());
    }

    /** A configuration with the default {@link ItemLimits} and group. */
    public IngestConfig(Map<String, Object> kafka, Topics topics, List<FeedSource> feeds, Path feedsFile, Duration feedsInterval,
                        FetchSettings fetch, SiteRules siteRules, int threads, String instanceId) {
        this(kafka, topics, feeds, feedsFile, feedsInterval, fetch, siteRules, threads, instanceId, ItemLimits.DEFAULTS,
                DEFAULT_GROUP_ID);
    }
}
