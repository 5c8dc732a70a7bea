package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetCheckTest {
    private static final URI BASE = URI.create("https://feeds.example/a/feed.xml");

    @Test
    void resolvesARelativeRedirectWithSpaces() throws Exception {
        assertThat(TargetCheck.redirect(BASE, " new feed.xml ")).isEqualTo(URI.create("https://feeds.example/a/new%20feed.xml"));
    }

    @Test
    void refusesARedirectLocationThatIsNoUri() {
        FetchException e = assertThrows(FetchException.class, () -> TargetCheck.redirect(BASE, "http://[bad"));
        assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL);
        assertThat(e.getMessage()).isEqualTo("bad redirect Location 'http://[bad' from " + BASE);
    }
}
