package io.spyglass.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateRemovalTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "boilerplate-navigation.html",
            "boilerplate-header-footer.html",
            "boilerplate-aside.html",
            "boilerplate-cookie-banner.html",
            "boilerplate-share-bar.html",
            "boilerplate-related.html",
            "boilerplate-comments.html",
            "boilerplate-newsletter.html",
            "boilerplate-figure-caption.html",
            "boilerplate-byline-date.html",
            "boilerplate-form.html",
            "boilerplate-scripts.html",
            "boilerplate-hidden.html",
            "boilerplate-unmarked-link-list.html",
            "boilerplate-edge-labels.html",
            "boilerplate-related-teasers.html",
            "boilerplate-credits-disclosure.html",
            "boilerplate-dateline.html",
    })
    void keepsOnlyTheArticleParagraphs(String fixture) {
        assertThat(Fixtures.extract(fixture).text()).isEqualTo(Fixtures.ARTICLE);
    }
}
