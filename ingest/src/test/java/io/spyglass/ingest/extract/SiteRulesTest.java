package io.spyglass.ingest.extract;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteRulesTest {

    private final SiteRules rules = SiteRules.fromMap(Map.of(
            "Example.com", Map.of("body", ".story", "remove", ".promo"),
            "news.other.org", Map.of("remove", "aside")));

    @Test
    void findsTheRuleForTheExactHost() {
        assertThat(rules.forUrl(URI.create("https://news.other.org/a"))).contains(new SiteRules.Rule(null, "aside"));
    }

    @Test
    void appliesAParentDomainRuleToSubdomains() {
        assertThat(rules.forUrl(URI.create("https://www.example.com/x"))).contains(new SiteRules.Rule(".story", ".promo"));
    }

    @Test
    void hasNoRuleForOtherHostsOrNoUrl() {
        assertThat(rules.forUrl(URI.create("https://other.org/a"))).isEmpty();
        assertThat(rules.forUrl(null)).isEmpty();
        assertThat(SiteRules.none().forUrl(URI.create("https://example.com/"))).isEmpty();
    }

    @Test
    void rejectsUnknownKeysNamingTheKey() {
        assertThatThrownBy(() -> SiteRules.fromMap(Map.of("example.com", Map.of("bdy", ".story"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extract.sites.example.com.bdy: unknown key, expected body or remove");
    }

    @Test
    void rejectsBlankSelectors() {
        assertThatThrownBy(() -> SiteRules.fromMap(Map.of("example.com", Map.of("body", " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extract.sites.example.com.body: selector must not be blank");
    }

    @Test
    void rejectsInvalidSelectors() {
        assertThatThrownBy(() -> SiteRules.fromMap(Map.of("example.com", Map.of("remove", "div[["))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extract.sites.example.com.remove: invalid CSS selector");
    }
}
