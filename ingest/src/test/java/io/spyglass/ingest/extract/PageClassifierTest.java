package io.spyglass.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PageClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<!DOCTYPE html><html><body>x</body></html> | text/html; charset=utf-8 | true",
            "<html><body>x</body></html>                | application/xhtml+xml     | true",
            "<p>fragment</p>                            |                           | true",
            "<html><body>x</body></html>                | image/png                 | false",
            "%PDF-1.4 binary                            |                           | false",
            "{\"json\": true}                           | text/plain                | false",
            "<?xml version=\"1.0\"?><rss></rss>         | text/xml                  | false",
            "plain words without any markup             | text/plain                | false",
    })
    void tellsHtmlFromOtherBodies(String body, String contentType, boolean html) {
        assertThat(PageClassifier.isHtml(body.getBytes(StandardCharsets.UTF_8), contentType)).isEqualTo(html);
    }
}
