package io.spyglass.app.command;

import io.spyglass.app.health.StreamsProbe;
import io.spyglass.app.stage.Progress;
import io.spyglass.model.Counts;
import io.spyglass.model.StreamsStage;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;

/**
 * A command that runs one Kafka Streams stage (enrich, sink) against an existing cluster, reported by its health
 * probe and its progress line.
 *
 * @param <S> the stage's counters
 * @param <A> the stage
 */
abstract class StreamsStageCommand<S extends Counts<?>, A extends StreamsStage<S>> extends ConfiguredCommand {
    @Mixin
    StageOptions.DataDir dataDir;

    private final String name;
    private final Supplier<StreamsProbe<S>> probe;
    private final Commands.Builder<A> builder;
    private final Function<S, Progress> progress;

    StreamsStageCommand(String name, Supplier<StreamsProbe<S>> probe, Commands.Builder<A> builder,
                        Function<S, Progress> progress) {
        this.name = name;
        this.probe = probe;
        this.builder = builder;
        this.progress = progress;
    }

    @Override
    public final Integer call() throws Exception {
        StreamsProbe<S> health = probe.get();
        return Commands.runStage(name, Commands.requireCluster(common.load()), health, builder, health::attach,
                stage -> progress.apply(stage.stats()));
    }
}
