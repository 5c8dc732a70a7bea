package io.spyglass.app.health;

import io.spyglass.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The stages of one process and what they add up to: whether it is live, whether it is ready, and its metrics. */
public final class ProcessHealth {
    private final List<StageProbe> stages;

    /** @param stages the stages this process runs; at least one */
    public ProcessHealth(List<StageProbe> stages) {
        this.stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stages: a process runs at least one");
        }
    }

    /** What each stage reports now, by name in the order given. */
    public Map<String, StageStatus> statuses() {
        Map<String, StageStatus> now = new LinkedHashMap<>();
        stages.forEach(s -> now.put(s.name(), s.status()));
        return now;
    }

    /** True while no stage has failed for good. */
    static boolean live(Map<String, StageStatus> statuses) {
        return statuses.values().stream().noneMatch(StageStatus::failed);
    }

    /** True when every stage is ready. */
    static boolean ready(Map<String, StageStatus> statuses) {
        return statuses.values().stream().allMatch(StageStatus::ready);
    }

    /**
     * Pure: {@code {"<verdict>":true|false,"stages":{"<name>":"<state>",...}}}, what a health check shows a person, with
     * {@code "reasons":{"<name>":"<why>",...}} for the stages that give one.
     */
    static String json(String verdict, boolean ok, Map<String, StageStatus> statuses) {
        var body = Json.MAPPER.createObjectNode().put(verdict, ok);
        var states = body.putObject("stages");
        statuses.forEach((name, status) -> states.put(name, status.state()));
        if (statuses.values().stream().anyMatch(s -> s.reason() != null)) {
            var reasons = body.putObject("reasons");
            statuses.forEach((name, status) -> {
                if (status.reason() != null) {
                    reasons.put(name, status.reason());
                }
            });
        }
        return body.toString();
    }

    /** Every stage's counters, then the state and readiness of each stage as gauges. */
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>();
        List<Metric.Sample> state = new ArrayList<>();
        List<Metric.Sample> ready = new ArrayList<>();
        for (StageProbe stage : stages) {
            all.addAll(stage.metrics());
            StageStatus status = stage.status();
            for (String s : stage.states()) {
                state.add(new Metric.Sample(Map.of("stage", stage.name(), "state", s), s.equals(status.state()) ? 1 : 0));
            }
            ready.add(new Metric.Sample(Map.of("stage", stage.name()), status.ready() ? 1 : 0));
        }
        all.add(new Metric("spyglass_stage_state", "1 for the state each stage is in, 0 for the others; "
                + "enrich and sink report their Kafka Streams client's state.", Metric.Type.GAUGE, state));
        all.add(new Metric("spyglass_stage_ready", "1 when the stage is ready (what /health/ready checks), else 0.",
                Metric.Type.GAUGE, ready));
        return all;
    }
}
