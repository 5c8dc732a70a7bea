package io.spyglass.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches URLs over HTTP(S) within {@link FetchSettings}: redirects are followed by hand so that every hop's
 * address is checked, bodies are capped (compressed and decompressed), and the whole exchange has a deadline.
 * A direct connection goes to the addresses the check saw: the client's DNS resolver is the check itself, so a name
 * that answers a public address to the check and a private one a moment later (DNS rebinding) cannot get through.
 * TLS still names and verifies the host name.
 */
public final class Fetcher implements AutoCloseable {
    private final FetchSettings settings;
    private final HostThrottle throttle;
    private final Clock clock;
    private final HostResolver resolver;
    private final ResponseReader reader;
    private final CloseableHttpClient client;
    /** Requests being sent or read, cancelled by {@link #close()}. */
    private final Set<RequestWatch> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

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
        this(settings, throttle, clock, HostResolver.system());
    }

    /** A fetcher as above whose host names are resolved by {@code resolver} (tests give one that changes its answer). */
    public Fetcher(FetchSettings settings, HostThrottle throttle, Clock clock, HostResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.reader = new ResponseReader(settings.maxBytes());
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.totalTimeout()))
                .build();
        // behind a proxy the client only ever resolves the proxy, which is the operator's and not checked; the target
        // name goes to the proxy and is checked before the request by TargetCheck
        DnsResolver dns = ClientDns.of(settings, resolver);
        var builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(dns)
                        .setDefaultConnectionConfig(connection)
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(Math.max(2, settings.hostConcurrency()))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(Timeout.ofSeconds(30));
        if (settings.proxy() != null) {
            builder.setProxy(new HttpHost("http", settings.proxy().getHostString(), settings.proxy().getPort()));
        }
        this.client = builder.build();
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
        if (closed) {
            throw new FetchException(FetchException.Kind.CANCELLED, "not fetching " + url + ": the fetcher is closed");
        }
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            TargetCheck.check(current, settings, resolver);
            ResponseReader.Response response;
            try (HostThrottle.Permit permit = throttle.acquire(current.getHost())) {
                response = send(current, accept, sameOrigin(url, current) ? headers : Map.of(), deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Kind.CANCELLED, "interrupted while waiting to fetch " + current, e);
            }
            int status = response.status();
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
                current = TargetCheck.redirect(current, location);
                continue;
            }
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
            return new FetchedResource(current, status, contentType, reader.decode(response.body(), encoding, current),
                    response.headers());
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

    private ResponseReader.Response send(URI url, String accept, Map<String, String> headers, long deadline)
            throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no response from " + url + " within " + settings.totalTimeout().toSeconds() + " s");
        }
        HttpGet request = new HttpGet(url);
        request.setHeader("User-Agent", settings.userAgent());
        request.setHeader("Accept", accept);
        request.setHeader("Accept-Encoding", "gzip, deflate");
        headers.forEach(request::setHeader);
        RequestWatch flight = new RequestWatch(request);
        inFlight.add(flight);
        flight.start(remaining);
        try {
            if (closed) {
                // closed between get()'s look and registering: close() may have missed this request
                throw new FetchException(FetchException.Kind.CANCELLED, "not fetching " + url + ": the fetcher is closed");
            }
            try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
                ResponseReader.Response read = reader.read(response, request);
                if (flight.cancelled()) {
                    throw cancelled(url, null);
                }
                if (flight.expired()) {
                    throw timeout(url);
                }
                return read;
            } catch (IOException | RuntimeException e) {
                if (flight.cancelled() || Thread.currentThread().isInterrupted()) {
                    throw cancelled(url, e);
                }
                if (flight.expired()) {
                    throw timeout(url);
                }
                throw FetchFailures.classify(url, e, settings.maxBytes());
            }
        } finally {
            flight.close();
            inFlight.remove(flight);
        }
    }

    private FetchException cancelled(URI url, Throwable cause) {
        return new FetchException(FetchException.Kind.CANCELLED, "fetching " + url + " was cancelled: "
                + (closed ? "the fetcher was closed" : "its thread was interrupted"), cause);
    }

    /**
     * Stops every request in flight at once (each ends in a {@link FetchException.Kind#CANCELLED} failure), closes
     * the connections and refuses later requests the same way. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(RequestWatch::cancel);
        client.close(CloseMode.IMMEDIATE);
    }

    private FetchException timeout(URI url) {
        return new FetchException(FetchException.Kind.TIMEOUT, "no complete response from " + url + " within "
                + settings.totalTimeout().toSeconds() + " s");
    }
}
