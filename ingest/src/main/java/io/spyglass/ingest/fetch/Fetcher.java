package io.spyglass.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;

/**
 * Fetches URLs over HTTP(S) within {@link FetchSettings}: redirects are followed by hand so that every hop's
 * address is checked, bodies are capped (compressed and decompressed), and the whole exchange has a deadline.
 */
public final class Fetcher {
    private final FetchSettings settings;
    private final HostThrottle throttle;
    private final Clock clock;
    private final HttpClient client;

    /** A fetcher without per-host limits. */
    public Fetcher(FetchSettings settings) {
        this(settings, HostThrottle.unlimited());
    }

    /** A fetcher whose every request, redirect hops included, takes a turn from {@code throttle}. */
    public Fetcher(FetchSettings settings, HostThrottle throttle) {
        this(settings, throttle, Clock.systemUTC());
    }

    /**
     * A fetcher as above that reads the time from {@code clock}: a {@code Retry-After} date is a point on the wall
     * clock, turned into a back-off from {@code clock}'s now.
     */
    public Fetcher(FetchSettings settings, HostThrottle throttle, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.clock = Objects.requireNonNull(clock, "clock");
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.proxy() != null) {
            client.proxy(ProxySelector.of(settings.proxy()));
        }
        this.client = client.build();
    }

    /** The settings this fetcher applies. */
    public FetchSettings settings() {
        return settings;
    }

    /** The per-host throttle every request goes through. */
    public HostThrottle throttle() {
        return throttle;
    }

    /**
     * GETs {@code url}, following redirects. Any final status is returned, not thrown, so callers can
     * tell 403 from 404; network and limit failures are thrown.
     */
    public FetchedResource get(URI url, String accept) throws FetchException {
        return get(url, accept, Map.of());
    }

    /**
     * GETs {@code url} with extra request headers (If-None-Match, If-Modified-Since, a feed's API key), following
     * redirects; the extra headers go to {@code url}'s origin only, so a redirect elsewhere never carries a credential.
     * A 429 or 503 answer backs its host off in the throttle, and is returned like any other status.
     *
     * @throws FetchException of class RATE_LIMITED, without a request, while a host on the way is backed off
     */
    public FetchedResource get(URI url, String accept, Map<String, String> headers) throws FetchException {
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            check(current);
            HttpResponse<byte[]> response;
            try (HostThrottle.Permit permit = throttle.acquire(current.getHost())) {
                response = send(current, accept, sameOrigin(url, current) ? headers : Map.of(), deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Kind.IO, "interrupted while waiting to fetch " + current, e);
            }
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                throttle.backOff(current.getHost(),
                        HostThrottle.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
            } else {
                throttle.succeeded(current.getHost());
            }
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + status + " without Location from " + current);
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS,
                            "more than " + settings.maxRedirects() + " redirects from " + url);
                }
                current = resolve(current, location);
                continue;
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
            return new FetchedResource(current, status, contentType, decode(response.body(), encoding, current),
                    response.headers());
        }
    }

    private void check(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.BAD_URL, "not an http(s) URL: " + url);
        }
        if (url.getHost() == null) {
            throw new FetchException(FetchException.Kind.BAD_URL, "no host in URL: " + url);
        }
        try {
            settings.addresses().check(url.getHost());
        } catch (FetchException e) {
            if (e.kind() != FetchException.Kind.DNS || settings.proxy() == null) {
                throw e;
            }
            // behind a proxy, which resolves names itself, this machine's DNS may know no public host; but a name it
            // cannot check could resolve to any address at the proxy, so it goes through only where every address may
            if (!settings.addresses().allowPrivate()) {
                throw new FetchException(FetchException.Kind.DNS, "host '" + url.getHost() + "' does not resolve here, so its "
                        + "address cannot be checked before fetch.proxy resolves it (refused; set fetch.allow-private-addresses "
                        + "to let the proxy resolve it)");
            }
        }
    }

    /** Same scheme, host and port, the default port of the scheme counting as written. */
    public static boolean sameOrigin(URI a, URI b) {
        String scheme = a.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(b.getScheme().toLowerCase(Locale.ROOT)) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a, scheme) == port(b, scheme);
    }

    private static int port(URI url, String scheme) {
        return url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, "bad redirect Location '" + location + "' from " + base);
        }
    }

    private HttpResponse<byte[]> send(URI url, String accept, Map<String, String> headers, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no response from " + url + " within " + settings.totalTimeout().toSeconds() + " s");
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", accept)
                    .header("Accept-Encoding", "gzip, deflate");
            headers.forEach(builder::header);
            request = builder.GET().build();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, "bad URL " + url + ": " + e.getMessage());
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, info -> new CappedBody(settings.maxBytes()));
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, "no complete response from " + url + " within "
                    + settings.totalTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.IO, "interrupted while fetching " + url, e);
        } catch (ExecutionException e) {
            throw classify(url, e.getCause());
        }
    }

    private FetchException classify(URI url, Throwable cause) {
        // the client wraps the telling exception at varying depths (a ConnectException wraps a channel error),
        // so the first known type anywhere in the chain decides
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return new FetchException(FetchException.Kind.TOO_LARGE, url + " is larger than " + settings.maxBytes() + " bytes");
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new FetchException(FetchException.Kind.TIMEOUT, "connecting to " + url + " timed out", cause);
            }
            if (t instanceof HttpTimeoutException) {
                return new FetchException(FetchException.Kind.TIMEOUT, "no response from " + url + " in time", cause);
            }
            if (t instanceof SSLException) {
                return new FetchException(FetchException.Kind.TLS, "TLS failed for " + url + ": " + t.getMessage(), cause);
            }
            if (t instanceof ConnectException) {
                return new FetchException(FetchException.Kind.CONNECT, "cannot connect to " + url + ": connection refused", cause);
            }
            if (t.getCause() == null) {
                return new FetchException(FetchException.Kind.IO, "fetching " + url + " failed: " + t, cause);
            }
        }
        return new FetchException(FetchException.Kind.IO, "fetching " + url + " failed", cause);
    }

    private byte[] decode(byte[] body, String encoding, URI url) throws FetchException {
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
                if (out.size() + n > settings.maxBytes()) {
                    // a decompression bomb is refused at the cap, never inflated in full
                    throw new FetchException(FetchException.Kind.TOO_LARGE, url + " decompresses to more than " + settings.maxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException ex) {
            throw new FetchException(FetchException.Kind.IO, "corrupt " + e + " body from " + url + ": " + ex.getMessage(), ex);
        }
    }

    /** Signals a body over the cap; carried through the client's future. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the size cap");
        }
    }

    /** Collects a body, cancelling the transfer as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
