package io.intelsync.sandbox.defender;

import static org.assertj.core.api.Assertions.assertThat;

import io.intelsync.defender.IndicatorType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorValueRulesTest {

    @ParameterizedTest(name = "{0} {1} accepted={2}")
    @CsvSource({
        "IpAddress, 203.0.113.5, true",
        "IpAddress, 8.8.8.8, true",
        "IpAddress, 2001:4860:4860:0:0:0:0:8888, true",
        "IpAddress, 0.1.2.3, false",
        "IpAddress, 100.64.0.1, false",
        "IpAddress, 127.0.0.1, false",
        "IpAddress, 169.254.1.1, false",
        "IpAddress, 172.16.0.1, false",
        "IpAddress, 172.32.0.1, true",
        "IpAddress, 224.0.0.1, false",
        "IpAddress, 255.255.255.255, false",
        "IpAddress, 256.1.1.1, false",
        "IpAddress, fc00:0:0:0:0:0:0:1, false",
        "IpAddress, 0:0:0:0:0:ffff:a00:1, false",
        "IpAddress, 0:0:0:0:0:0:0:1, false",
        "IpAddress, 2001:db8:0:0:0:0:0:1:5, false",
        "DomainName, example.com, true",
        "DomainName, sub.example.co.uk, true",
        "DomainName, xn--bcher-kva.example, true",
        "DomainName, localhost, false",
        "DomainName, *.example.com, false",
        "DomainName, example.com., false",
        "DomainName, -bad.example.com, false",
        "DomainName, 1.2.3.4, false",
        "Url, https://example.com/path?q=1, true",
        "Url, example.com/path, true",
        "Url, http://203.0.113.5:8080/x, true",
        "Url, ftp://example.com/file, false",
        "Url, https://exa mple.com, false",
        "Url, https://*.example.com, false",
        "FileSha1, da39a3ee5e6b4b0d3255bfef95601890afd80709, true",
        "FileSha1, DA39A3EE5E6B4B0D3255BFEF95601890AFD80709, true",
        "FileMd5, d41d8cd98f00b204e9800998ecf8427e, true",
        "FileMd5, d41d8cd98f00b204e9800998ecf8427, false",
        "CertificateThumbprint, da39a3ee5e6b4b0d3255bfef95601890afd80709, true",
        "CertificateThumbprint, d41d8cd98f00b204e9800998ecf8427e, false",
    })
    void valueRules(IndicatorType type, String value, boolean accepted) {
        assertThat(IndicatorValueRules.checkValue(type, value).isEmpty()).isEqualTo(accepted);
    }
}
