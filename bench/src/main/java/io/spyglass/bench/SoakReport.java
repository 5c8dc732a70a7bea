package io.spyglass.bench;

import io.spyglass.enrich.EnrichApp;
import io.spyglass.enrich.EnrichStats;
import io.spyglass.ingest.IngestApp;
import io.spyglass.ingest.poll.IngestStats;
import io.spyglass.sink.SinkApp;
import io.spyglass.sink.SinkStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The soak's report (Markdown) and its memory samples (CSV), from what the run recorded. */
final class SoakReport {
    private final long started;
    private final Duration duration;
    private final int feeds;
    private final List<String> events;
    private final List<Sample> samples;

    /**
     * @param events  what happened, in order; read when rendered
     * @param samples the memory samples, in order; read when rendered
     */
    SoakReport(long started, Duration duration, int feeds, List<String> events, List<Sample> samples) {
        this.started = started;
        this.duration = duration;
        this.feeds = feeds;
        this.events = events;
        this.samples = samples;
    }

    /** One sample of the process's memory and the stages' counters. */
    record Sample(long second, long heapUsed, long heapCommitted, long oldAfterGc, long rss, long published, long tagged,
                  long stories) {
    }

    /** The report in Markdown: events, records per topic, the stages' counters, the checks, sizes and memory. */
    String render(IngestApp ingest, EnrichApp enrich, SinkApp sink, long ingested, SoakChecks.Check c,
                  Map<String, Long> sizes) {
        StringBuilder b = new StringBuilder();
        b.append("# Soak ").append(Instant.ofEpochMilli(started)).append(", ").append(duration.toMinutes())
                .append(" min, ")
                .append(feeds).append(" feeds\n\n");
        events.forEach(e -> b.append("- ").append(e).append('\n'));
        b.append("\n| topic | records on the topic (committed) |\n|---|---:|\n");
        c.records().forEach((t, n) -> b.append("| ").append(t).append(" | ").append(n).append(" |\n"));
        b.append("\n| stage counter | value |\n|---|---:|\n")
                .append("| ingest: articles published (revisions incl.) | ").append(ingested).append(" |\n")
                .append("| ingest: revisions | ").append(ingest.stats().get(IngestStats.Count.ARTICLES_REVISED))
                .append(" |\n")
                .append("| ingest: feed polls ok / failed | ")
                .append(ingest.stats().get(IngestStats.Count.FEEDS_POLLED)).append(" / ")
                .append(ingest.stats().get(IngestStats.Count.FEEDS_FAILED)).append(" |\n")
                .append("| ingest: pages failed | ").append(ingest.stats().get(IngestStats.Count.PAGES_FAILED))
                .append(" |\n")
                .append("| enrich: tagged / espionage / duplicates dropped / dead-lettered | ")
                .append(enrich.stats().get(EnrichStats.Count.ARTICLES_TAGGED))
                .append(" / ").append(enrich.stats().get(EnrichStats.Count.ARTICLES_ESPIONAGE)).append(" / ")
                .append(enrich.stats().get(EnrichStats.Count.DUPLICATES)).append(" / ")
                .append(enrich.stats().get(EnrichStats.Count.DEAD_LETTERED)).append(" |\n")
                .append("| sink: story versions / skipped unread / merged / dead-lettered | ")
                .append(sink.stats().get(SinkStats.Count.STORIES_EMITTED))
                .append(" / ").append(sink.stats().get(SinkStats.Count.RECORDS_SKIPPED)).append(" / ")
                .append(sink.stats().get(SinkStats.Count.STORIES_MERGED)).append(" / ")
                .append(sink.stats().get(SinkStats.Count.DEAD_LETTERED)).append(" |\n");
        b.append("\n| check | value |\n|---|---:|\n")
                .append("| distinct articles accepted (spyglass.articles ids) | ").append(c.articles()).append(" |\n")
                .append("| of them enriched | ").append(c.enrichedIds()).append(" |\n")
                .append("| accepted, not enriched and not dead-lettered | ").append(c.inEnrichOnly()).append(" |\n")
                .append("| tagged espionage (ids) | ").append(c.espionageIds()).append(" |\n")
                .append("| stories (ids) / standing / merged away | ").append(c.stories()).append(" / ")
                .append(c.liveStories())
                .append(" / ").append(c.merged()).append(" |\n")
                .append("| **stories lost**: espionage ids in no standing story | **").append(c.lost()).append("** ")
                .append(c.lostIds().isEmpty() ? "" : c.lostIds().toString()).append(" |\n")
                .append("| **duplicated**: ids in more than one standing story | **").append(c.duplicated())
                .append("** |\n")
                .append("| **duplicated**: a story version written twice with different content | **")
                .append(c.versionConflicts()).append("** |\n")
                .append("| sources left out for size (omittedSources) | ").append(c.omittedSources()).append(" |\n")
                .append("| largest standing story, sources | ").append(c.largestStory()).append(" |\n");
        double perThousand = Math.max(1, c.articles()) / 1000.0;
        b.append("\n| size | bytes | per 1,000 articles |\n|---|---:|---:|\n");
        sizes.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" | ")
                .append(Math.round(v / perThousand)).append(" |\n"));
        b
                .append("\n| t (s) | heap used MiB | heap committed MiB | old gen after GC MiB | RSS MiB | published | tagged | story versions |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            // every fourth sample, and the last: one line per two minutes
            if (i % 4 == 0 || i == samples.size() - 1) {
                b.append("| ").append(s.second()).append(" | ").append(mib(s.heapUsed())).append(" | ")
                        .append(mib(s.heapCommitted()))
                        .append(" | ").append(mib(s.oldAfterGc())).append(" | ").append(mib(s.rss())).append(" | ")
                        .append(s.published()).append(" | ").append(s.tagged()).append(" | ").append(s.stories())
                        .append(" |\n");
            }
        }
        b.append('\n').append(rssGrowth()).append('\n');
        return b.toString();
    }

    /** RSS after the first sixth of the run (the warm-up) against the rest. */
    private String rssGrowth() {
        long warm = duration.toSeconds() / 6;
        List<Sample> after = samples.stream().filter(s -> s.second() >= warm && s.second() <= duration.toSeconds()).toList();
        if (after.size() < 2) {
            return "RSS growth: too few samples";
        }
        long first = after.get(0).rss();
        long last = after.get(after.size() - 1).rss();
        long max = after.stream().mapToLong(Sample::rss).max().orElse(first);
        long min = after.stream().mapToLong(Sample::rss).min().orElse(first);
        return String.format("RSS after warm-up (t >= %d s): first %d MiB, last %d MiB (%+.1f%%), min %d, max %d MiB "
                        + "(max over first %+.1f%%)", warm, mib(first), mib(last), 100.0 * (last - first) / first, mib(min),
                mib(max), 100.0 * (max - first) / first);
    }

    /** Writes every sample to {@code file} as CSV. */
    void writeSamples(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("second,heap_used,heap_committed,old_after_gc,rss,published,tagged,story_versions\n".getBytes(StandardCharsets.UTF_8));
            for (Sample s : samples) {
                out.write((s.second() + "," + s.heapUsed() + "," + s.heapCommitted() + "," + s.oldAfterGc() + "," + s.rss() + ","
                        + s.published() + "," + s.tagged() + "," + s.stories() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
