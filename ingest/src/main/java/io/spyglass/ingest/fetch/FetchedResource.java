package io.spyglass.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Objects;

/**
 * A response as fetched.
 *
 * @param url         the final URL after redirects; never null
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or null
 * @param body        the decoded (gunzipped) body bytes, at most the configured cap; never null
 * @param headers     the final response's headers; never null
 */
public record FetchedResource(URI url, int status, String contentType, byte[] body, HttpHeaders headers) {
    public FetchedResource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(headers, "headers");
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
