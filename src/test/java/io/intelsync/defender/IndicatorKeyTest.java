package io.intelsync.defender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorKeyTest {

    @ParameterizedTest
    @CsvSource({"FileSha256, 64", "FileSha1, 40", "FileMd5, 32", "CertificateThumbprint, 40"})
    void hashValuesIgnoreCase(String type, int length) {
        IndicatorKey upper = IndicatorKey.of(type, "A".repeat(length));
        IndicatorKey lower = IndicatorKey.of(type, "a".repeat(length));
        assertThat(upper).isEqualTo(lower);
        assertThat(upper.value()).isEqualTo("a".repeat(length));
    }

    @Test
    void surroundingSpaceIsIgnored() {
        assertThat(IndicatorKey.of("FileSha1", "  " + "B".repeat(40) + "  "))
                .isEqualTo(new IndicatorKey("FileSha1", "b".repeat(40), ""));
    }

    @Test
    void domainsIgnoreCase() {
        // Unlike the OpenCTI connector, domains are folded too: DNS names are case-insensitive.
        assertThat(IndicatorKey.of("DomainName", "Example.COM").value()).isEqualTo("example.com");
    }

    @Test
    void urlPathsKeepCaseButHostsDoNot() {
        assertThat(IndicatorKey.of("Url", "HTTPS://Example.COM/Path").value()).isEqualTo("https://example.com/Path");
        assertThat(IndicatorKey.of("IpAddress", "192.0.2.1").value()).isEqualTo("192.0.2.1");
    }

    @Test
    void addressesInOtherFormsMatch() {
        assertThat(IndicatorKey.of("IpAddress", "2001:DB8::1"))
                .isEqualTo(IndicatorKey.of("IpAddress", "2001:db8:0:0:0:0:0:1"));
    }

    @Test
    void groupsIgnoreOrderAndCase() {
        IndicatorKey first = IndicatorKey.of("Url", "https://x.example/", List.of("Servers", "laptops"));
        IndicatorKey second = IndicatorKey.of("Url", "https://x.example/", List.of("Laptops", " servers "));
        assertThat(first).isEqualTo(second);
        assertThat(first.scope()).isEqualTo("laptops,servers");
        assertThat(first).isNotEqualTo(IndicatorKey.of("Url", "https://x.example/"));
        assertThat(first.withoutScope()).isEqualTo(IndicatorKey.of("Url", "https://x.example/"));
    }

    @Test
    void missingValueIsEmpty() {
        assertThat(IndicatorKey.of("FileSha256", null).value()).isEmpty();
    }
}
