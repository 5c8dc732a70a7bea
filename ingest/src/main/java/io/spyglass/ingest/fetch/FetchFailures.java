package io.spyglass.ingest.fetch;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Turns what a request threw into a {@link FetchException} of the class a person or a dashboard can act on. */
final class FetchFailures {
    private FetchFailures() {
    }

    /** The failure of fetching {@code url} that threw {@code cause}, with bodies capped at {@code maxBytes}. */
    static FetchException classify(URI url, Throwable cause, long maxBytes) {
        // the telling exception may be wrapped, so the first known type anywhere in the chain decides
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ResponseReader.TooLarge) {
                return new FetchException(FetchException.Kind.TOO_LARGE, url + " is larger than " + maxBytes + " bytes");
            }
            if (t instanceof ClientDns.Refused refused) {
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
}
