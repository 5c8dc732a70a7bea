package io.spyglass.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides which resolved addresses ingest may connect to: by default only public ones, so a feed or a
 * redirect cannot turn the fetcher against the host's own network or a cloud metadata service.
 *
 * @param allowPrivate true to allow every address
 * @param allowed      non-public blocks allowed all the same (config {@code fetch.allow}); never null
 */
public record AddressPolicy(boolean allowPrivate, List<Cidr> allowed) {
    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern CANONICAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

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
     * Resolves {@code host} with the system's resolver and checks every address it resolves to.
     *
     * @throws FetchException as {@link #resolve(String, HostResolver)}
     */
    public void check(String host) throws FetchException {
        resolve(host, HostResolver.system());
    }

    /**
     * Resolves {@code host} with {@code resolver} and checks every address it resolves to; the addresses returned are
     * the ones checked, so a connection made to them cannot be rebound to another address by a second lookup.
     *
     * @return the checked addresses, never empty
     * @throws FetchException of class {@link FetchException.Kind#BAD_URL} if it is an IPv4 address in a form other than
     *                        four decimal numbers, {@link FetchException.Kind#DNS} if it does not resolve, or
     *                        {@link FetchException.Kind#FORBIDDEN_ADDRESS} if any address is not allowed
     */
    public InetAddress[] resolve(String host, HostResolver resolver) throws FetchException {
        refuseAmbiguousIpv4(host);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.DNS, "host '" + host + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new FetchException(FetchException.Kind.DNS, "host '" + host + "' does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                String why = forbidden(address);
                if (why != null && allowed.stream().noneMatch(block -> block.contains(address))) {
                    throw new FetchException(FetchException.Kind.FORBIDDEN_ADDRESS, "host '" + host + "' resolves to "
                            + why + " address " + address.getHostAddress()
                            + " (refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)");
                }
            }
        }
        return addresses.clone();
    }

    /**
     * Refuses {@code host} when it is an IPv4 address written in a form other than four decimal numbers.
     *
     * @throws FetchException of class {@link FetchException.Kind#BAD_URL} if it is
     */
    static void refuseAmbiguousIpv4(String host) throws FetchException {
        if (ambiguousIpv4(host)) {
            // inet_aton (what a proxy or libc resolver uses) reads 0x7f000001, 2130706433, 127.1 and 0177.0.0.1 as
            // 127.0.0.1, while Java reads 0177 as decimal 177 and refuses hex: no check here could agree with the proxy
            throw new FetchException(FetchException.Kind.BAD_URL, "host '" + host + "' looks like an IPv4 address in a form "
                    + "other than four decimal numbers (hex, octal or fewer parts), which resolvers read differently: refused; "
                    + "write the address as a.b.c.d");
        }
    }

    /**
     * Pure: true when every dot-separated part of {@code host} (a trailing dot allowed) is a decimal, octal or hex number,
     * as some resolver could read it as an IPv4 address, unless it is the canonical form: four decimal numbers of at
     * most 255 without leading zeros.
     */
    static boolean ambiguousIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        int n = parts.length;
        if (n > 1 && parts[n - 1].isEmpty()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            if (!NUMBER.matcher(parts[i]).matches()) {
                return false;
            }
        }
        if (n == 4 && n == parts.length) {
            boolean canonical = true;
            for (String part : parts) {
                canonical &= CANONICAL_OCTET.matcher(part).matches() && Integer.parseInt(part) <= 255;
            }
            return !canonical;
        }
        return true;
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
