package io.spyglass.ingest.seen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://News.Example.COM/Story|https://news.example.com/Story",
            "http://example.com|http://example.com/",
            "http://example.com:80/a|http://example.com/a",
            "https://example.com:443/a|https://example.com/a",
            "https://example.com:8443/a|https://example.com:8443/a",
            "https://example.com./a|https://example.com/a",
            "https://example.com/a#comments|https://example.com/a",
            "https://example.com/a?utm_source=rss&utm_medium=feed|https://example.com/a",
            "https://example.com/a?id=7&UTM_Campaign=x&fbclid=abc&page=2|https://example.com/a?id=7&page=2",
            "https://example.com/a?&&id=7&|https://example.com/a?id=7",
            "https://example.com/a/../b/./c|https://example.com/b/c",
            "'  https://example.com/a  '|https://example.com/a",
            "https://example.com/caf%C3%A9|https://example.com/caf%C3%A9",
    })
    void canonicalises(String url, String canonical) {
        assertThat(CanonicalUrl.of(url)).isEqualTo(canonical);
    }

    @Test
    void idIsTheSha256OfTheCanonicalForm() {
        assertThat(CanonicalUrl.id("https://EXAMPLE.com/a?utm_source=x#top"))
                .isEqualTo("2dce0a4c50441bfccfa9caf4b58c3cba6e06c420505dd829f0436de1aa44baac");
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(CanonicalUrl.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesNonHttpSchemes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of("ftp://example.com/a"));

        assertThat(e.getMessage()).isEqualTo("not an absolute http(s) URL: 'ftp://example.com/a'");
    }

    @Test
    void refusesRelativeUrls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of("/news/a"));

        assertThat(e.getMessage()).isEqualTo("not an absolute http(s) URL: '/news/a'");
    }

    @Test
    void refusesUnparsableUrls() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalUrl.of("https://example.com/a b"));

        assertThat(e.getMessage()).isEqualTo("bad URL 'https://example.com/a b': Illegal character in path");
    }
}
