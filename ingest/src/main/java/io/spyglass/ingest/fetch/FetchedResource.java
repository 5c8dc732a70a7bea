package io.spyglass.ingest.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * A response body as fetched.
 *
 * @param url         the final URL after redirects; never null
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or null
 * @param body        the decoded (gunzipped) body bytes, at most the configured cap; never null
 */
public record FetchedResource(URI url, int status, String contentType, byte[] body) {
    public FetchedResource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
    }
}
