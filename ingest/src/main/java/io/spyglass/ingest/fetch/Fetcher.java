package io.spyglass.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
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
    /**
     * How often a request in flight looks whether its thread was interrupted: the client's blocking socket reads do
     * not notice an interrupt, so without this a stopping ingest would wait up to {@code fetch.timeout} per worker.
     */
    private static final long INTERRUPT_CHECK_MILLIS = 50;
    private final FetchSettings settings;
    private final HostThrottle throttle;
    private final Clock clock;
    /** Aborts the requests that pass their deadline; one daemon thread for every fetcher. */
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private final HostResolver resolver;
    private final CloseableHttpClient client;
    /** Requests being sent or read, cancelled by {@link #close()}. */
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
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
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.totalTimeout()))
                .build();
        // behind a proxy the client only ever resolves the proxy, which is the operator's and not checked; the target
        // name goes to the proxy and is checked before the request in check()
        DnsResolver dns = settings.proxy() == null ? new CheckingDns(settings.addresses(), resolver) : new PlainDns(resolver);
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
            check(current);
            Response response;
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
        if (settings.proxy() == null) {
            // resolved and checked when connecting (CheckingDns), so the address checked is the address connected to;
            // only the forms of an IPv4 literal that resolvers read differently are refused here, before a request
            AddressPolicy.refuseAmbiguousIpv4(url.getHost());
            return;
        }
        try {
            settings.addresses().resolve(url.getHost(), resolver);
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

    /** The raw answer to one request: status, headers and the body as sent (still compressed). */
    private record Response(int status, HttpHeaders headers, byte[] body) {}

    private Response send(URI url, String accept, Map<String, String> headers, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no response from " + url + " within " + settings.totalTimeout().toSeconds() + " s");
        }
        HttpGet request = new HttpGet(url);
        request.setHeader("User-Agent", settings.userAgent());
        request.setHeader("Accept", accept);
        request.setHeader("Accept-Encoding", "gzip, deflate");
        headers.forEach(request::setHeader);
        AtomicBoolean expired = new AtomicBoolean();
        InFlight flight = new InFlight(request, Thread.currentThread(), new AtomicBoolean());
        inFlight.add(flight);
        // the socket timeout bounds each read; this bounds the whole exchange, so a server dripping its headers or
        // body a byte at a time is cut off at the deadline
        ScheduledFuture<?> abort = DEADLINES.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, remaining, TimeUnit.NANOSECONDS);
        // and this stops it when its thread is interrupted (ingest stopping), which a blocked socket read ignores
        ScheduledFuture<?> watch = DEADLINES.scheduleWithFixedDelay(() -> {
            if (flight.thread().isInterrupted()) {
                flight.cancel();
            }
        }, INTERRUPT_CHECK_MILLIS, INTERRUPT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        try {
            if (closed) {
                // closed between get()'s look and registering: close() may have missed this request
                throw new FetchException(FetchException.Kind.CANCELLED, "not fetching " + url + ": the fetcher is closed");
            }
            try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
                Response read = new Response(response.getCode(), headers(response), body(response.getEntity(), request));
                if (flight.cancelled().get()) {
                    throw cancelled(url, null);
                }
                if (expired.get()) {
                    throw timeout(url);
                }
                return read;
            } catch (IOException | RuntimeException e) {
                if (flight.cancelled().get() || Thread.currentThread().isInterrupted()) {
                    throw cancelled(url, e);
                }
                if (expired.get()) {
                    throw timeout(url);
                }
                throw classify(url, e);
            }
        } finally {
            watch.cancel(false);
            abort.cancel(false);
            inFlight.remove(flight);
        }
    }

    private FetchException cancelled(URI url, Throwable cause) {
        return new FetchException(FetchException.Kind.CANCELLED, "fetching " + url + " was cancelled: "
                + (closed ? "the fetcher was closed" : "its thread was interrupted"), cause);
    }

    /** A request being sent or read, by the thread that waits for it. */
    private record InFlight(HttpGet request, Thread thread, AtomicBoolean cancelled) {
        void cancel() {
            cancelled.set(true);
            request.cancel();
        }
    }

    /**
     * Stops every request in flight at once (each ends in a {@link FetchException.Kind#CANCELLED} failure), closes
     * the connections and refuses later requests the same way. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(InFlight::cancel);
        client.close(CloseMode.IMMEDIATE);
    }

    private FetchException timeout(URI url) {
        return new FetchException(FetchException.Kind.TIMEOUT, "no complete response from " + url + " within "
                + settings.totalTimeout().toSeconds() + " s");
    }

    /** Reads the body up to the cap; past it the request is aborted rather than read (or drained) to the end. */
    private byte[] body(HttpEntity entity, HttpGet request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long cap = settings.maxBytes();
        if (entity.getContentLength() > cap) {
            request.cancel();
            throw new TooLarge();
        }
        InputStream in = entity.getContent();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (bytes.size() + (long) n > cap) {
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

    private FetchException classify(URI url, Throwable cause) {
        // the telling exception may be wrapped, so the first known type anywhere in the chain decides
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return new FetchException(FetchException.Kind.TOO_LARGE, url + " is larger than " + settings.maxBytes() + " bytes");
            }
            if (t instanceof Refused refused) {
                return refused.reason;
            }
            if (t instanceof ConnectTimeoutException) {
                return new FetchException(FetchException.Kind.TIMEOUT, "connecting to " + url + " timed out", cause);
            }
            if (t instanceof SocketTimeoutException) {
                return new FetchException(FetchException.Kind.TIMEOUT, "no response from " + url + " in time", cause);
            }
            if (t instanceof SSLException) {
                return new FetchException(FetchException.Kind.TLS, "TLS failed for " + url + ": " + t.getMessage(), cause);
            }
            if (t instanceof ConnectException) {
                return new FetchException(FetchException.Kind.CONNECT, "cannot connect to " + url + ": connection refused", cause);
            }
            if (t instanceof UnknownHostException) {
                return new FetchException(FetchException.Kind.DNS, "host '" + url.getHost() + "' does not resolve", cause);
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

    /** Signals a body over the cap. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the size cap");
        }
    }

    /** Carries the address check's refusal out of the client, which lets a resolver throw UnknownHostException only. */
    private static final class Refused extends UnknownHostException {
        final transient FetchException reason;

        Refused(FetchException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    /** The client's resolver for direct connections: resolves and checks in one step, and answers the checked addresses. */
    private record CheckingDns(AddressPolicy policy, HostResolver resolver) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return policy.resolve(host, resolver);
            } catch (FetchException e) {
                throw new Refused(e);
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** The client's resolver behind a proxy, where it resolves the proxy's own name only. */
    private record PlainDns(HostResolver resolver) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return resolver.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
