package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
    private static final URI URL = URI.create("https://feeds.example/feed.xml");
    private static final byte[] RSS = "<rss>hello</rss>".getBytes(StandardCharsets.UTF_8);

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void decodesXGzipAsGzip() throws Exception {
        assertThat(new ResponseReader(1024).decode(gzip(RSS), " X-GZIP ", URL)).isEqualTo(RSS);
    }

    @Test
    void decodesAGzipBodySentAsIdentity() throws Exception {
        assertThat(new ResponseReader(1024).decode(gzip(RSS), "identity", URL)).isEqualTo(RSS);
    }

    @Test
    void decodesABodyCompressedTwice() throws Exception {
        assertThat(new ResponseReader(1024).decode(gzip(gzip(RSS)), "gzip", URL)).isEqualTo(RSS);
    }

    @Test
    void leavesAnEmptyBodyAsItIs() throws Exception {
        assertThat(new ResponseReader(1024).decode(new byte[0], "gzip", URL)).isEmpty();
    }

    @Test
    void refusesAnUnsupportedEncoding() {
        FetchException e = assertThrows(FetchException.class, () -> new ResponseReader(1024).decode(RSS, "br", URL));
        assertThat(e.kind()).isEqualTo(FetchException.Kind.IO);
        assertThat(e.getMessage()).isEqualTo("unsupported Content-Encoding 'br' from " + URL);
    }

    @Test
    void refusesADeflateBodyThatInflatesPastTheCap() throws Exception {
        byte[] bomb = deflate(new byte[64 * 1024]);
        FetchException e = assertThrows(FetchException.class, () -> new ResponseReader(1024).decode(bomb, "deflate", URL));
        assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo(URL + " decompresses to more than 1024 bytes");
    }
}
