package io.spyglass.ingest.extract;

import io.spyglass.model.ExtractionOutcome;
import java.time.Instant;
import java.util.List;

/** What the extractor found on one page. */
public record ExtractedPage(String title, String text, List<String> authors, Instant published, Instant modified,
                            String language, String canonicalUrl, String siteName, String image, String description,
                            ExtractionOutcome outcome) {
}
