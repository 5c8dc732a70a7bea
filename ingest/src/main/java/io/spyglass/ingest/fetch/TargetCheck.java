package io.spyglass.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The checks of a URL before each request to it, first or redirect hop: scheme, host and (behind a proxy) address. */
final class TargetCheck {
    private TargetCheck() {
    }

    /**
     * Refuses {@code url} unless it is http(s) with a host; behind a proxy, also unless its host resolves to addresses
     * {@code settings} allow (a direct connection is checked as it connects, by {@link ClientDns}).
     */
    static void check(URI url, FetchSettings settings, HostResolver resolver) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.BAD_URL, "not an http(s) URL: " + url);
        }
        if (url.getHost() == null) {
            throw new FetchException(FetchException.Kind.BAD_URL, "no host in URL: " + url);
        }
        if (settings.proxy() == null) {
            // resolved and checked when connecting (ClientDns), so the address checked is the address connected to;
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

    /** The target of a redirect to {@code location} from {@code base}. */
    static URI redirect(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, "bad redirect Location '" + location + "' from " + base);
        }
    }
}
