package io.spyglass.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a block of one.
 *
 * @param network an address of the block, as written; never null
 * @param prefix  leading bits that every address of the block shares
 */
public record Cidr(InetAddress network, int prefix) {
    // literal addresses only: parse must never trigger a DNS lookup
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix must be between 0 and " + bits + ": " + prefix);
        }
    }

    /**
     * Parses {@code 192.168.0.0/16}, {@code 127.0.0.1}, {@code ::1/128} and the like.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    public static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        return new Cidr(network, prefix);
    }

    /** True if {@code address} is in this block; IPv4 and IPv6 blocks never contain each other's addresses. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int full = prefix / 8;
        if (!Arrays.equals(a, 0, full, n, 0, full)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
