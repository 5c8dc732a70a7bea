package io.spyglass.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolvers. For a direct connection the resolver is the address check itself, so the client
 * connects to the addresses the check saw and a name that changes its answer in between (DNS rebinding) cannot get
 * through; behind a proxy it resolves only the proxy's own name, which is the operator's and not checked.
 */
final class ClientDns {
    private ClientDns() {
    }

    /** The resolver for a client with the proxy of {@code settings}, or none. */
    static DnsResolver of(FetchSettings settings, HostResolver resolver) {
        return settings.proxy() == null ? new Checking(settings.addresses(), resolver) : new Plain(resolver);
    }

    /** Carries the address check's refusal out of the client, which lets a resolver throw UnknownHostException only. */
    static final class Refused extends UnknownHostException {
        final transient FetchException reason;

        Refused(FetchException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    /** Resolves and checks in one step, and answers the checked addresses. */
    private record Checking(AddressPolicy policy, HostResolver resolver) implements DnsResolver {
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

    /** Resolves as the system does. */
    private record Plain(HostResolver resolver) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return resolver.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
