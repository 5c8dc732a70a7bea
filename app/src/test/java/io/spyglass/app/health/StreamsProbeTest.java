package io.spyglass.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StreamsProbeTest {

    @Test
    void onlyARunningClientIsReady() {
        for (State s : State.values()) {
            assertThat(StreamsProbe.status(s, false).ready()).as(s.name()).isEqualTo(s == State.RUNNING);
        }
    }

    @Test
    void aClientInErrorOrWhoseStageFailedHasFailedForGood() {
        assertThat(StreamsProbe.status(State.ERROR, false)).isEqualTo(new StageStatus("ERROR", false, true));
        assertThat(StreamsProbe.status(State.PENDING_ERROR, false)).isEqualTo(new StageStatus("PENDING_ERROR", false, true));
        assertThat(StreamsProbe.status(State.RUNNING, true)).isEqualTo(new StageStatus("RUNNING", false, true));
        assertThat(StreamsProbe.status(State.REBALANCING, false)).isEqualTo(new StageStatus("REBALANCING", false, false));
        assertThat(StreamsProbe.status(State.PENDING_SHUTDOWN, false)).isEqualTo(new StageStatus("PENDING_SHUTDOWN", false, false));
    }
}
