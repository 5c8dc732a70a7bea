package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final RecordReader<Article> reader = new RecordReader<>(Article.class, "articles", 2048,
            Article::schemaVersion, a -> a.text().isEmpty() ? "no text" : null);
    private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);

    private static Article article(int version, String text) {
        return new Article(version, "a1", "https://news.example/a1", "Budget passes", NOW,
                new FeedRef("https://news.example/feed", null), text, ExtractionOutcome.FULL, "en", List.of(), NOW);
    }

    private byte[] bytes(Article a) {
        return serde.serializer().serialize("articles", a);
    }

    @Test
    void readsAValidRecord() {
        assertThat(reader.read(bytes(article(Article.SCHEMA_VERSION, "Text.")))).isEqualTo(article(1, "Text."));
    }

    @Test
    void namesWhatIsWrongWithAPoisonRecord() {
        assertThatThrownBy(() -> reader.read(null)).isInstanceOf(PoisonRecordException.class).hasMessage("empty record");
        assertThatThrownBy(() -> reader.read(new byte[2049])).isInstanceOf(PoisonRecordException.class)
                .hasMessage("record of 2049 bytes is over the limit of 2048");
        assertThatThrownBy(() -> reader.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonRecordException.class).hasMessageStartingWith("Not a valid Article record on articles: ");
        assertThatThrownBy(() -> reader.read(bytes(article(2, "Text.")))).isInstanceOf(PoisonRecordException.class)
                .hasMessage("unsupported schemaVersion 2");
        assertThatThrownBy(() -> reader.read(bytes(article(1, "")))).isInstanceOf(PoisonRecordException.class)
                .hasMessage("no text");
    }

    @Test
    void makesAFailedPureStepPoisonAndKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("tagger broke");

        assertThatThrownBy(() -> RecordReader.poisonOnFailure(() -> {
            throw cause;
        })).isInstanceOf(PoisonRecordException.class).hasMessage("tagger broke").hasCause(cause);
        assertThat(RecordReader.<String>poisonOnFailure(() -> "ok")).isEqualTo("ok");
    }

    @Test
    void putsTheReasonInTheDeadLetterHeaders() {
        var headers = RecordReader.deadLetterHeaders("enrich", "spyglass.articles", 2, 17, new PoisonRecordException("no text"));

        assertThat(new String(headers.lastHeader(DeadLetter.ERROR).value(), StandardCharsets.UTF_8)).isEqualTo("no text");
        assertThat(new String(headers.lastHeader(DeadLetter.SOURCE_OFFSET).value(), StandardCharsets.UTF_8)).isEqualTo("17");
        assertThat(new String(headers.lastHeader(DeadLetter.STAGE).value(), StandardCharsets.UTF_8)).isEqualTo("enrich");
    }
}
