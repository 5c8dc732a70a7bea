package io.spyglass.ingest.fetch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server said identifies the version we have, for a conditional GET that it may answer with 304.
 *
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record CacheValidators(String etag, String lastModified) {
    /** No validators: an unconditional GET. */
    public static final CacheValidators NONE = new CacheValidators(null, null);

    /** The validators of {@code response}. */
    public static CacheValidators of(FetchedResource response) {
        return new CacheValidators(response.header("ETag"), response.header("Last-Modified"));
    }

    /** The request headers that make a GET conditional on these validators. */
    public Map<String, String> requestHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        return headers;
    }
}
