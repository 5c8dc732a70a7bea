package io.spyglass.app.health;

import static io.spyglass.app.health.Metric.counter;

import io.spyglass.enrich.EnrichStats;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.model.FeedStatus;
import io.spyglass.sink.SinkStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The counters each stage keeps, and ingest's per-feed gauges, under their Prometheus names. */
final class StageCounters {

    private StageCounters() {
    }

    static List<Metric> ingest(IngestStats s) {
        return List.of(
                counter("spyglass_ingest_feeds_polled_total", "Feed polls that succeeded (fetched and parsed, or not modified).",
                        s.feedsPolled()),
                counter("spyglass_ingest_feeds_failed_total", "Feed polls that failed (fetch error, HTTP status or parse error).",
                        s.feedsFailed()),
                counter("spyglass_ingest_articles_produced_total", "Articles written to the articles topic, revisions included.",
                        s.articlesPublished()),
                counter("spyglass_ingest_articles_revised_total", "Articles written again as a new revision.", s.articlesRevised()),
                counter("spyglass_ingest_pages_failed_total", "Article pages that could not be fetched; the feed's text was used.",
                        s.pagesFailed()),
                counter("spyglass_ingest_items_already_seen_total", "Feed items skipped because they were produced before.",
                        s.itemsAlreadySeen()),
                counter("spyglass_ingest_items_unchanged_total", "Changed feed entries whose page text had not changed.",
                        s.itemsUnchanged()),
                counter("spyglass_ingest_articles_truncated_total", "Articles whose text was cut to ingest.max-text-bytes.",
                        s.articlesTruncated()),
                counter("spyglass_ingest_articles_too_large_total",
                        "Articles Kafka refused as too large: marked seen without the article, shown in feed-status.",
                        s.articlesTooLarge()));
    }

    /**
     * Pure: per-feed gauges from the feeds' latest health, labelled with the feed URL, so that an alert rule can say
     * which feed has been failing or has gone quiet; no family where no feed has a value.
     */
    static List<Metric> feeds(List<FeedStatus> statuses) {
        List<Metric> metrics = new ArrayList<>();
        gauge(metrics, "spyglass_feed_consecutive_failures", "Failed polls of the feed since its last success.", statuses,
                s -> (long) s.consecutiveFailures());
        gauge(metrics, "spyglass_feed_last_success_timestamp_seconds", "When the feed was last fetched and parsed.",
                statuses, s -> seconds(s.lastSuccess()));
        gauge(metrics, "spyglass_feed_newest_item_timestamp_seconds", "The latest publication time among the feed's items.",
                statuses, s -> seconds(s.newestItem()));
        gauge(metrics, "spyglass_feed_last_new_article_timestamp_seconds", "When the feed last gave an article not seen before.",
                statuses, s -> seconds(s.lastNewArticle()));
        return metrics;
    }

    private static void gauge(List<Metric> metrics, String name, String help, List<FeedStatus> statuses,
                              Function<FeedStatus, Long> value) {
        List<Metric.Sample> samples = new ArrayList<>();
        for (FeedStatus s : statuses) {
            Long v = value.apply(s);
            if (v != null) {
                samples.add(new Metric.Sample(Map.of("feed", s.url()), v));
            }
        }
        if (!samples.isEmpty()) {
            metrics.add(new Metric(name, help, Metric.Type.GAUGE, samples));
        }
    }

    private static Long seconds(Instant time) {
        return time == null ? null : time.getEpochSecond();
    }

    static List<Metric> enrich(EnrichStats s) {
        return List.of(
                counter("spyglass_enrich_articles_tagged_total", "Articles tagged and written to the enriched topic.", s.tagged()),
                counter("spyglass_enrich_articles_espionage_total", "Tagged articles found to be about espionage.", s.espionage()),
                counter("spyglass_enrich_duplicates_total", "Articles dropped because the same id and revision was tagged before.",
                        s.duplicates()),
                counter("spyglass_enrich_dead_lettered_total", "Records enrich could not read, sent to the dead-letter topic.",
                        s.deadLettered()));
    }

    static List<Metric> sink(SinkStats s) {
        return List.of(
                counter("spyglass_sink_stories_emitted_total", "Story versions written to the espionage topic.", s.stories()),
                counter("spyglass_sink_records_skipped_total", "Enriched records dropped unread because their header says not espionage.",
                        s.skipped()),
                counter("spyglass_sink_file_lines_written_total", "Stories appended to the --out file.", s.linesWritten()),
                counter("spyglass_sink_webhook_posts_total", "Story versions every webhook took.", s.webhookPosts()),
                counter("spyglass_sink_dead_lettered_total", "Records and stories the sink sent to the dead-letter topic.",
                        s.deadLettered()));
    }
}
