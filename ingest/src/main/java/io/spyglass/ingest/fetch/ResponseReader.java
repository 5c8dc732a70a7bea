package io.spyglass.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** Reads a response within the size cap: its headers, its body as sent, and the body decompressed (gzip, deflate). */
final class ResponseReader {
    private final long maxBytes;

    /** @param maxBytes the most bytes a body may have, compressed and decompressed */
    ResponseReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The raw answer to one request: status, headers and the body as sent (still compressed). */
    record Response(int status, HttpHeaders headers, byte[] body) {}

    /** Signals a body over the cap. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the size cap");
        }
    }

    /** Reads {@code response} to {@code request}; past the cap the request is aborted and {@link TooLarge} thrown. */
    Response read(ClassicHttpResponse response, HttpGet request) throws IOException {
        return new Response(response.getCode(), headers(response), body(response.getEntity(), request));
    }

    /** Reads the body up to the cap; past it the request is aborted rather than read (or drained) to the end. */
    private byte[] body(HttpEntity entity, HttpGet request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxBytes) {
            request.cancel();
            throw new TooLarge();
        }
        InputStream in = entity.getContent();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (bytes.size() + (long) n > maxBytes) {
                // closing the stream would read the rest to reuse the connection: abort drops it instead
                request.cancel();
                throw new TooLarge();
            }
            bytes.write(buffer, 0, n);
        }
        in.close(); // at the end already: hands the connection back for reuse
        return bytes.toByteArray();
    }

    /** The response's headers as java.net.http's (case-insensitive names, repeated names kept in order). */
    private static HttpHeaders headers(ClassicHttpResponse response) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            map.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    /** {@code body} from {@code url} decoded from its Content-Encoding, and from gzip where it is gzip unannounced. */
    byte[] decode(byte[] body, String encoding, URI url) throws FetchException {
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        byte[] decoded = e.equals("identity") || e.isEmpty() || body.length == 0 ? body : inflate(body, e, url);
        // some servers send gzip files (feed.xml.gz, or a body compressed twice) without saying so; no text a feed or
        // page could be starts with gzip's magic bytes, so the body says it is gzip as surely as a header would
        return isGzip(decoded) ? inflate(decoded, "gzip", url) : decoded;
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 3 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b && body[2] == 8;
    }

    private byte[] inflate(byte[] body, String e, URI url) throws FetchException {
        try (InputStream in = switch (e) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
            default -> throw new FetchException(FetchException.Kind.IO, "unsupported Content-Encoding '" + e + "' from " + url);
        }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, 1 << 20));
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > maxBytes) {
                    // a decompression bomb is refused at the cap, never inflated in full
                    throw new FetchException(FetchException.Kind.TOO_LARGE, url + " decompresses to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException ex) {
            throw new FetchException(FetchException.Kind.IO, "corrupt " + e + " body from " + url + ": " + ex.getMessage(), ex);
        }
    }
}
