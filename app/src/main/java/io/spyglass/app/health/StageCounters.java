package io.spyglass.app.health;

import static io.spyglass.app.health.Metric.counter;

import io.spyglass.enrich.EnrichStats;
import io.spyglass.ingest.IngestStats;
import io.spyglass.sink.SinkStats;
import java.util.List;

/** The counters each stage keeps, under their Prometheus names. */
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
                        s.itemsUnchanged()));
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
