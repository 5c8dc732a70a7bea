package io.spyglass.app.health;

import io.spyglass.enrich.EnrichStats;
import io.spyglass.model.Counts;
import io.spyglass.model.StreamsStage;
import io.spyglass.sink.SinkStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * A Kafka Streams stage (enrich, sink) as the health endpoint sees it: ready while its client is RUNNING, failed once
 * the client is in (PENDING_)ERROR or the stage's failure future completed, STARTING until the client exists.
 *
 * @param <S> the stage's counters
 */
public final class StreamsProbe<S extends Counts<?>> implements StageProbe {
    private static final String STARTING = "STARTING";
    private final String name;
    private volatile S stats;
    private volatile Supplier<State> state;
    private volatile Future<?> failure;

    private StreamsProbe(String name, S none) {
        this.name = name;
        this.stats = none;
    }

    /** The enrich stage, STARTING until attached. */
    public static StreamsProbe<EnrichStats> enrich() {
        return new StreamsProbe<>("enrich", new EnrichStats());
    }

    /** The sink stage, STARTING until attached. */
    public static StreamsProbe<SinkStats> sink() {
        return new StreamsProbe<>("sink", new SinkStats());
    }

    /** Reports on the built stage from now on. */
    public void attach(StreamsStage<? extends S> stage) {
        attach(stage::state, stage.failure(), stage.stats());
    }

    /**
     * Reports from now on on a stage given by its parts (what a test fakes).
     *
     * @param failure completes when the stage has stopped processing for good
     */
    public void attach(Supplier<State> state, Future<?> failure, S stats) {
        this.stats = stats;
        this.failure = failure;
        this.state = state; // last: status() reads it first
    }

    /** Pure: what a Streams client in {@code state} reports, {@code failed} when its stage's failure future completed. */
    static StageStatus status(State state, boolean failed) {
        boolean error = failed || state == State.ERROR || state == State.PENDING_ERROR;
        return new StageStatus(state.name(), state == State.RUNNING && !error, error);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> states() {
        List<String> all = new ArrayList<>(List.of(STARTING));
        for (State s : State.values()) {
            all.add(s.name());
        }
        return all;
    }

    @Override
    public StageStatus status() {
        Supplier<State> current = state;
        return current == null ? new StageStatus(STARTING, false, false) : status(current.get(), failure.isDone());
    }

    @Override
    public List<Metric> metrics() {
        return StageCounters.counters(name, stats);
    }
}
