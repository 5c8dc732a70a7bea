package io.spyglass.model;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;

/**
 * The one way a stage reads a record value: decodes it with {@link JsonSerde}, checks its size, major version and the
 * stage's own rules, and throws {@link PoisonRecordException} for a record that fails, so each stage catches that one
 * exception to dead-letter (or skip) the record and lets every other failure stop it.
 *
 * @param <T> the record type
 */
public final class RecordReader<T> {
    private final String source;
    private final int maxBytes;
    private final JsonSerde<T> serde;
    private final Function<? super T, Integer> schemaVersion;
    private final Function<? super T, String> problem;

    /**
     * @param type          the record type
     * @param source        what the messages call the input, e.g. {@code articles}
     * @param maxBytes      larger values are poison
     * @param schemaVersion the record's major version, which must be {@link Article#SCHEMA_VERSION}
     * @param problem       what else is wrong with a decoded record, or null when nothing is
     */
    public RecordReader(Class<T> type, String source, int maxBytes, Function<? super T, Integer> schemaVersion,
                        Function<? super T, String> problem) {
        this.serde = new JsonSerde<>(Objects.requireNonNull(type, "type"));
        this.source = Objects.requireNonNull(source, "source");
        this.maxBytes = maxBytes;
        this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * The decoded record; never null.
     *
     * @throws PoisonRecordException when the value is null, too large, not a record of this type, of another major
     *                               version or against the stage's rules
     */
    public T read(byte[] value) {
        if (value == null) {
            throw new PoisonRecordException("empty record");
        }
        if (value.length > maxBytes) {
            throw new PoisonRecordException("record of " + value.length + " bytes is over the limit of " + maxBytes);
        }
        T record = poisonOnFailure(() -> serde.deserializer().deserialize(source, value));
        int version = schemaVersion.apply(record);
        if (version != Article.SCHEMA_VERSION) {
            throw new PoisonRecordException("unsupported schemaVersion " + version);
        }
        String wrong = problem.apply(record);
        if (wrong != null) {
            throw new PoisonRecordException(wrong);
        }
        return record;
    }

    /**
     * Runs a pure step over one record's content (decoding, tagging), whose failure can only be the record's fault.
     * Never wrap a step that touches a store or the broker in this: its failure would be dead-lettered as the record's.
     *
     * @throws PoisonRecordException carrying the step's exception
     */
    public static <R> R poisonOnFailure(Supplier<R> step) {
        try {
            return step.get();
        } catch (PoisonRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
    }

    /** The dead-letter headers for a poison record of {@code stage} read at {@code topic}/{@code partition}/{@code offset}. */
    public static Headers deadLetterHeaders(String stage, String topic, int partition, long offset,
                                            PoisonRecordException e) {
        return DeadLetter.headers(stage, topic, partition, offset, e.reason());
    }
}
