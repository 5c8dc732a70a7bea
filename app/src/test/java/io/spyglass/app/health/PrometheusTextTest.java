package io.spyglass.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesHelpTypeAndEachSampleWithLabelsInNameOrder() {
        String text = PrometheusText.render(List.of(
                Metric.counter("spyglass_ingest_feeds_polled_total", "Feed polls that succeeded.", 42),
                new Metric("spyglass_stage_ready", "1 when ready.", Metric.Type.GAUGE, List.of(
                        new Metric.Sample(Map.of("stage", "enrich"), 1),
                        new Metric.Sample(Map.of("state", "RUNNING", "stage", "sink"), 0)))));

        assertThat(text).isEqualTo("""
                # HELP spyglass_ingest_feeds_polled_total Feed polls that succeeded.
                # TYPE spyglass_ingest_feeds_polled_total counter
                spyglass_ingest_feeds_polled_total 42
                # HELP spyglass_stage_ready 1 when ready.
                # TYPE spyglass_stage_ready gauge
                spyglass_stage_ready{stage="enrich"} 1
                spyglass_stage_ready{stage="sink",state="RUNNING"} 0
                """);
        assertThat(PrometheusScrape.parse(text).value("spyglass_ingest_feeds_polled_total")).isEqualTo(42);
    }

    @Test
    void escapesBackslashQuoteAndLineFeedInLabelValuesAndHelp() {
        String text = PrometheusText.render(List.of(new Metric("spyglass_x", "two\nlines \\ here", Metric.Type.GAUGE,
                List.of(new Metric.Sample(Map.of("feed", "a\"b\\c\nd"), 7)))));

        assertThat(text).contains("# HELP spyglass_x two\\nlines \\\\ here\n")
                .contains("spyglass_x{feed=\"a\\\"b\\\\c\\nd\"} 7\n");
        assertThat(PrometheusScrape.parse(text).series()).containsOnlyKeys("spyglass_x{feed=\"a\\\"b\\\\c\\nd\"}");
    }

    @Test
    void refusesAFamilyListedTwice() {
        Metric once = Metric.counter("spyglass_sink_stories_emitted_total", "Stories.", 1);

        var e = assertThrows(IllegalArgumentException.class, () -> PrometheusText.render(List.of(once, once)));

        assertThat(e.getMessage()).isEqualTo("metrics: spyglass_sink_stories_emitted_total is listed twice");
    }

    @Test
    void namesAreSnakeCaseWithThePrefixAndCountersEndInTotal() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Metric.counter("spyglass_stories", "h", 1)).getMessage())
                .isEqualTo("name: counter 'spyglass_stories' must end in _total");
        assertThat(assertThrows(IllegalArgumentException.class, () -> Metric.counter("storiesTotal_total", "h", 1)).getMessage())
                .isEqualTo("name: 'storiesTotal_total' is not snake_case with the spyglass_ prefix");
        assertThat(assertThrows(IllegalArgumentException.class, () -> new Metric.Sample(Map.of("Stage", "x"), 1)).getMessage())
                .isEqualTo("labels: 'Stage' is not a snake_case label name");
    }
}
