package io.spyglass.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides which resolved addresses ingest may connect to: by default only public ones, so a feed or a
 * redirect cannot turn the fetcher against the host's own network or a cloud metadata service.
 */
public record AddressPolicy(boolean allowPrivate) {

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false);
    }

    /**
     * Resolves {@code host} and checks every address it resolves to.
     *
     * @throws FetchException of class {@link FetchException.Kind#DNS} if it does not resolve, or
     *                        {@link FetchException.Kind#FORBIDDEN_ADDRESS} if any address is not allowed
     */
    public void check(String host) throws FetchException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.DNS, "host '" + host + "' does not resolve");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            String why = forbidden(address);
            if (why != null) {
                throw new FetchException(FetchException.Kind.FORBIDDEN_ADDRESS, "host '" + host + "' resolves to "
                        + why + " address " + address.getHostAddress()
                        + " (refused; set --allow-private-addresses or fetch.allowPrivateAddresses to allow)");
            }
        }
    }

    /** Why {@code address} is not public, or null if it is. */
    static String forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "a reserved";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a carrier-grade NAT";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local";
            }
            if (isMappedOrCompatible(b)) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return forbidden(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always an IPv4 address", e);
                }
            }
        }
        return null;
    }

    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
