package io.spyglass.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spyglass.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.junit.jupiter.api.Test;

class OversizedRecordsTest {
    private static OversizedRecords handler() {
        OversizedRecords h = new OversizedRecords();
        h.configure(Map.of(OversizedRecords.DEAD_LETTER_TOPIC, "spyglass.dead-letter"));
        return h;
    }

    private static final ProducerRecord<byte[], byte[]> STORY = new ProducerRecord<>("spyglass.espionage",
            "story-1".getBytes(StandardCharsets.UTF_8), new byte[2_000_000]);

    @Test
    void deadLettersTheHeadOfATooLargeRecordAndGoesOn() {
        ProductionExceptionHandler.Response r = handler().handleError(null, STORY,
                new RecordTooLargeException("The message is 2000098 bytes when serialized"));

        assertThat(r.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(r.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("spyglass.dead-letter");
            assertThat(letter.key()).isEqualTo(STORY.key());
            assertThat(letter.value()).hasSize(OversizedRecords.KEPT_BYTES);
            assertThat(new String(letter.headers().lastHeader(DeadLetter.ERROR).value(), StandardCharsets.UTF_8))
                    .contains("2000000 bytes").contains("spyglass.espionage").contains("too large");
        });
    }

    @Test
    void failsOnAnythingThatIsNotTheRecordsFault() {
        assertThat(handler().handleError(null, STORY, new TimeoutException("broker gone")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void needsToKnowWhereDeadLettersGo() {
        assertThatThrownBy(() -> new OversizedRecords().configure(Map.of())).hasMessageContaining(OversizedRecords.DEAD_LETTER_TOPIC);
    }
}
