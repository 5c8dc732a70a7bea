package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    private static boolean contains(String cidr, String address) throws Exception {
        return Cidr.parse(cidr).contains(InetAddress.getByName(address));
    }

    @Test
    void containsTheAddressesOfItsBlock() throws Exception {
        assertThat(contains("10.0.0.0/8", "10.255.1.2")).isTrue();
        assertThat(contains("10.0.0.0/8", "11.0.0.1")).isFalse();
        assertThat(contains("192.168.4.0/22", "192.168.7.255")).isTrue();
        assertThat(contains("192.168.4.0/22", "192.168.8.0")).isFalse();
        assertThat(contains("0.0.0.0/0", "8.8.8.8")).isTrue();
        assertThat(contains("fd00::/8", "fd12::1")).isTrue();
        assertThat(contains("fd00::/8", "fe80::1")).isFalse();
    }

    @Test
    void aBareAddressIsABlockOfOne() throws Exception {
        assertThat(Cidr.parse("127.0.0.1")).hasToString("127.0.0.1/32");
        assertThat(contains("127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(contains("127.0.0.1", "127.0.0.2")).isFalse();
        assertThat(Cidr.parse("::1")).hasToString("0:0:0:0:0:0:0:1/128");
    }

    @Test
    void neverMixesIpv4AndIpv6() throws Exception {
        assertThat(contains("0.0.0.0/0", "::1")).isFalse();
        assertThat(contains("::/0", "127.0.0.1")).isFalse();
    }

    @Test
    void refusesHostNamesWithoutLookingThemUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("localhost/8"));

        assertThat(e.getMessage()).isEqualTo("'localhost/8' is not an IP address or CIDR block");
    }

    @Test
    void refusesAPrefixLongerThanTheAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));

        assertThat(e.getMessage()).isEqualTo("'10.0.0.0/33' has a prefix length outside 0..32");
    }

    @Test
    void refusesANonNumericPrefix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));

        assertThat(e.getMessage()).isEqualTo("'10.0.0.0/x' has a bad prefix length");
    }
}
