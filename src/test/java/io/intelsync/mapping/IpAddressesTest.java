package io.intelsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.intelsync.defender.IndicatorType;

class IpAddressesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "8.8.8.8, 8.8.8.8",
        "1.0.0.1, 1.0.0.1",
        "8.8.8.8/32, 8.8.8.8",
        "2001:4860:4860::8888, 2001:4860:4860:0:0:0:0:8888",
        "2001:4860:4860:0:0:0:0:8888, 2001:4860:4860:0:0:0:0:8888",
        "2001:4860:4860:0000:0000:0000:0000:8888, 2001:4860:4860:0:0:0:0:8888",
        "2001:4860:4860::8888/128, 2001:4860:4860:0:0:0:0:8888",
        "2A00:1450:4001:0829:0000:0000:0000:200E, 2a00:1450:4001:829:0:0:0:200e",
        "2a00:1450::, 2a00:1450:0:0:0:0:0:0",
        "2a00::1450:4001:829:0:0:200e, 2a00:0:1450:4001:829:0:0:200e",
        "2a00:1450:4001:829::8.8.8.8, 2a00:1450:4001:829:0:0:808:808",
        "::ffff:8.8.8.8, 8.8.8.8",
        "::FFFF:808:808, 8.8.8.8",
        "0:0:0:0:0:ffff:8.8.8.8/128, 8.8.8.8"})
    void publicAddressNormalizes(String input, String expected) {
        ValueResult result = IpAddresses.normalize(input, false);

        assertThat(result.observable()).isEqualTo(new Observable(IndicatorType.IpAddress, expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3", "0.255.0.1/32", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.255",
        "127.0.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1",
        "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
        "255.255.255.254", "255.255.255.255",
        "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "ff02::1", "2001:db8::1", "2001:0db8:ffff::1",
        "3fff::1", "2001:2::1", "2001:10::1", "100::1", "::8.8.8.8", "::ffff:10.0.0.1", "64:ff9b::808:808"})
    void nonPublicAddressRejected(String input) {
        ValueResult result = IpAddresses.normalize(input, false);

        assertThat(result.reason()).isEqualTo(SkipReason.NON_PUBLIC_ADDRESS);
        assertThat(result.problem()).startsWith("address is ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "198.17.255.255", "198.20.0.0",
        "192.0.1.255", "192.0.3.0", "223.255.255.255", "2001:db7:ffff::1", "2001:db9::1", "2001:4860:4860::8888"})
    void rangeNeighbourAccepted(String input) {
        ValueResult result = IpAddresses.normalize(input, false);

        assertThat(result.isAccepted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.0.1", "::1", "fe80::1", "2001:db8::1", "255.255.255.255"})
    void nonPublicAddressAllowed(String input) {
        ValueResult result = IpAddresses.normalize(input, true);

        assertThat(result.isAccepted()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "010.1.1.1", "1.02.3.4", "1..2.3", ".1.2.3", "1.2.3.4.",
        "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/033", "1.2.3.4/33", "1.2.3.4/1/2",
        "١.٢.٣.٤", "::1::", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7::8", "12345::1", "g::1",
        ":1::2", "1::2:", "fe80::1%eth0", "[::1]", "1.2.3.4::", "::1.2.3", "::1.2.3.4:5", "::/129", "１.２.３.４"})
    void invalidAddressRejected(String input) {
        ValueResult result = IpAddresses.normalize(input, true);

        assertThat(result.isAccepted()).as("accepted %s", input).isFalse();
        assertThat(result.reason()).isEqualTo(SkipReason.INVALID_IP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"223.166.0.0/15", "8.8.8.0/24", "0.0.0.0/0", "2001:4860::/32", "::ffff:8.8.8.8/120"})
    void cidrRangeRejected(String input) {
        ValueResult result = IpAddresses.normalize(input, true);

        assertThat(result.reason()).isEqualTo(SkipReason.IP_RANGE);
    }
}
