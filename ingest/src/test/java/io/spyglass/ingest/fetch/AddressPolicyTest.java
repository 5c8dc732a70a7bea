package io.spyglass.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1|a loopback",
            "127.0.0.2|a loopback",
            "::1|a loopback",
            "0.0.0.0|an unspecified",
            "::|an unspecified",
            "169.254.169.254|a link-local",
            "fe80::1|a link-local",
            "10.1.2.3|a private",
            "172.16.0.1|a private",
            "192.168.1.1|a private",
            "224.0.0.1|a multicast",
            "ff02::1|a multicast",
            "0.1.2.3|a reserved",
            "240.0.0.1|a reserved",
            "255.255.255.255|a reserved",
            "100.64.0.1|a carrier-grade NAT",
            "198.18.0.1|a benchmarking",
            "fd00:ec2::254|a unique-local",
            "::ffff:10.0.0.1|a private",
            "::127.0.0.1|a loopback",
            "64:ff9b::a9fe:a9fe|a link-local",
            "2002:7f00:1::|a loopback",
            "2002:c0a8:101::1|a private",
    })
    void namesWhyAnAddressIsNotPublic(String address, String why) throws Exception {
        assertThat(AddressPolicy.forbidden(InetAddress.getByName(address))).isEqualTo(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111", "2002:5db8:d70e::1",
            "64:ff9b::808:808"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(AddressPolicy.forbidden(InetAddress.getByName(address))).isNull();
    }

    @Test
    void refusesALoopbackHostByDefault() {
        FetchException e = assertThrows(FetchException.class, () -> AddressPolicy.publicOnly().check("127.0.0.1"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.FORBIDDEN_ADDRESS);
        assertThat(e.getMessage()).isEqualTo("host '127.0.0.1' resolves to a loopback address 127.0.0.1 "
                + "(refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)");
    }

    @Test
    void allowsEveryAddressWhenPrivateAddressesAreAllowed() throws Exception {
        new AddressPolicy(true).check("127.0.0.1");
        new AddressPolicy(true).check("10.0.0.1");

        assertThat(new AddressPolicy(true).allowPrivate()).isTrue();
    }

    @Test
    void allowsOnlyTheListedBlocks() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.0.0.0/8")));
        policy.check("127.0.0.1");
        policy.check("10.200.0.1");

        FetchException e = assertThrows(FetchException.class, () -> policy.check("127.0.0.2"));

        assertThat(e.getMessage()).isEqualTo("host '127.0.0.2' resolves to a loopback address 127.0.0.2 "
                + "(refused; list it in fetch.allow or set fetch.allow-private-addresses to allow)");
    }

    @Test
    void reportsAHostThatDoesNotResolve() {
        FetchException e = assertThrows(FetchException.class, () -> AddressPolicy.publicOnly().check("no-such-host.invalid"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.DNS);
        assertThat(e.getMessage()).isEqualTo("host 'no-such-host.invalid' does not resolve");
    }

    // https://github.com/spyglass-news/spyglass/issues/18 (item 4): Java reads 0177.0.0.1 as the public 177.0.0.1, a
    // proxy's resolver as 127.0.0.1
    @Test
    void refusesAnIpv4AddressInANonCanonicalFormBeforeResolvingIt() {
        FetchException e = assertThrows(FetchException.class, () -> new AddressPolicy(false).check("0177.0.0.1"));

        assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL);
        assertThat(e.getMessage()).isEqualTo("host '0177.0.0.1' looks like an IPv4 address in a form other than four decimal "
                + "numbers (hex, octal or fewer parts), which resolvers read differently: refused; write the address as a.b.c.d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "017700000001", "0177.0.0.1", "2130706433", "127.1", "127.0.0.01", "0x7f.0.0.1",
            "1.2.3.4.5", "127.0.0.1.", "0x", "256.0.0.1"})
    void takesEveryNumericFormButFourDecimalNumbersForAnAmbiguousAddress(String host) {
        assertThat(AddressPolicy.ambiguousIpv4(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "8.8.8.8", "0.0.0.0", "255.255.255.255", "example.com", "1e100.net", "123.example",
            "0x7f.example", "feeds.example.invalid", "deadbeef"})
    void leavesCanonicalAddressesAndNamesToTheUsualChecks(String host) {
        assertThat(AddressPolicy.ambiguousIpv4(host)).isFalse();
    }
}
