package io.spyglass.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagePhrasesTest {

    @Test
    void eachSectionHoldsTheLinesUnderItsHeader() {
        Map<String, List<String>> sections = PagePhrases.sections(List.of("[credit]", "©", "[(,]\\s*photo\\s*:",
                "[stock-phrase]", "Advertisement"));

        assertThat(sections).containsOnlyKeys("credit", "stock-phrase");
        assertThat(sections.get("credit")).containsExactly("©", "[(,]\\s*photo\\s*:");
    }

    @Test
    void aLineOutsideEverySectionIsAnError() {
        assertThatThrownBy(() -> PagePhrases.sections(List.of("captcha", "[blocked-text]")))
                .hasMessageContaining("before the first [section]");
    }

    @Test
    void theBundledSectionsAreAlternativesMatchedIgnoringCase() {
        assertThat(PagePhrases.pattern("blocked-title").matcher("Just a moment...").lookingAt()).isTrue();
        assertThat(PagePhrases.pattern("blocked-title").matcher("Why 'just a moment' is a captcha").lookingAt()).isFalse();
        assertThat(PagePhrases.pattern("credit").matcher("Foto: dpa").find()).isTrue();
        assertThat(PagePhrases.phrases("stock-phrase")).contains("advertisement", "share this");
        assertThatThrownBy(() -> PagePhrases.pattern("no-such-section")).hasMessageContaining("[no-such-section]");
    }
}
