package io.spyglass.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Decides which resolved addresses ingest may connect to: by default only public ones, so a feed or a
 * redirect cannot turn the fetcher against the host's own network or a cloud metadata service.
 *
 * @param allowPrivate true to allow every address
 * @param allowed      non-public blocks allowed all the same (config {@code fetch.allow}); never null
 */
public record AddressPolicy(boolean allowPrivate, List<Cidr> allowed) {

    public AddressPolicy {
        allowed = List.copyOf(Objects.requireNonNull(allowed, "allowed"));
    }

    /** A policy with no allowed blocks: public addresses only, or every address when {@code allowPrivate}. */
    public AddressPolicy(boolean allowPrivate) {
        this(allowPrivate, List.of());
    }

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false);
    }

    /** Public addresses and those in {@code allowed}. */
    public static AddressPolicy allowing(List<Cidr> allowed) {
        return new AddressPolicy(false, allowed);
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
            if (why != null && allowed.stream().noneMatch(block -> block.contains(address))) {
                throw new FetchException(FetchException.Kind.FORBIDDEN_ADDRESS, "host '" + host + "' resolves to "
                        + why + " address " + address.getHostAddress()
                        + " (refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)");
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
            if (isMappedOrCompatible(b) || isNat64(b)) {
                return forbidden(v4(b[12], b[13], b[14], b[15]));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                // 6to4 (2002::/16) carries an IPv4 address in bytes 2-5 and can reach it through a relay
                return forbidden(v4(b[2], b[3], b[4], b[5]));
            }
        }
        return null;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** The well-known NAT64 prefix 64:ff9b::/96, which a NAT64 gateway translates to the embedded IPv4 address. */
    private static boolean isNat64(byte[] b) {
        if (b[0] != 0 || b[1] != 0x64 || b[2] != (byte) 0xff || b[3] != (byte) 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
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
