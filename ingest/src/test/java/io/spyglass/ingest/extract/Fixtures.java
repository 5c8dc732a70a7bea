package io.spyglass.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/** Loads the hand-written pages under {@code src/test/resources/html} by name. */
final class Fixtures {

    static final URI URL = URI.create("https://gridtimes.example/2026/03/energy-spies");
    static final String P1 = "Investigators at a European security firm said on Tuesday that a state-backed group had "
            + "spent eight months inside the network of a regional energy operator, copying engineering drawings "
            + "and email archives.";
    static final String P2 = "The intruders entered through a forgotten remote-access server, then moved between "
            + "systems using stolen administrator passwords, according to the report, which the company shared "
            + "with national authorities.";
    static final String P3 = "The operator said that no power supply was disrupted, and that it has since replaced the "
            + "affected servers, reset every account and hired outside auditors to review its defences.";
    /** The article text most fixtures carry, as the extractor should return it. */
    static final String ARTICLE = P1 + "\n\n" + P2 + "\n\n" + P3;

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/html/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture html/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExtractedPage extract(String name) {
        return ArticleExtractor.withDefaults().extract(bytes(name), URL, null);
    }
}
