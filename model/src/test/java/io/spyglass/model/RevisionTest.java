package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spyglass.model.Contract.Kind;
import org.junit.jupiter.api.Test;

class RevisionTest {

    @Test
    void aRecordWrittenBeforeRevisionsExistedReadsAsTheFirstRevision() throws Exception {
        ObjectNode old = Json.MAPPER.valueToTree(ContractTest.article());
        old.remove("revision");

        Article read = Json.MAPPER.treeToValue(old, Article.class);

        assertThat(read.revision()).isEqualTo(1);
        assertThat(read).isEqualTo(ContractTest.article());
    }

    @Test
    void aRevisionConformsToTheSchemaAndIsCarriedIntoTheEnrichedArticle() throws Exception {
        Article second = ContractTest.article().withRevision(2);
        EnrichedArticle enriched = EnrichedArticle.of(second, ContractTest.tags());

        assertThat(Json.MAPPER.valueToTree(second).get("revision").intValue()).isEqualTo(2);
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(enriched), EnrichedArticle.class).article().revision()).isEqualTo(2);
        assertThat(Contract.violations(Kind.ARTICLE, Json.MAPPER.valueToTree(second))).isEmpty();
        assertThat(Contract.violations(Kind.ENRICHED_ARTICLE, Json.MAPPER.valueToTree(enriched))).isEmpty();
    }

    @Test
    void rejectsANegativeRevision() {
        var e = assertThrows(IllegalArgumentException.class, () -> ContractTest.article().withRevision(-1));

        assertThat(e).hasMessage("revision must be at least 1: -1");
    }

    @Test
    void theSchemaRejectsRevisionZero() {
        ObjectNode record = Json.MAPPER.valueToTree(ContractTest.article());
        record.put("revision", 0);

        assertThat(Contract.violations(Kind.ARTICLE, record)).containsExactly("/revision: must have a minimum value of 1");
    }
}
