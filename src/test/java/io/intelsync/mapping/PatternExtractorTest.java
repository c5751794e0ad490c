package io.intelsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.intelsync.defender.IndicatorType;
import io.intelsync.stix.pattern.PatternParser;

class PatternExtractorTest {

    // Hashes of the empty input.
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    // A certificate thumbprint from MISP's public STIX 2.1 mapping documentation.
    private static final String THUMBPRINT = "46aba99aa7158e4609aaa72b50990842fd22ae86";

    private final PatternExtractor extractor = new PatternExtractor();

    private static Observable observable(IndicatorType type, String value) {
        return new Observable(type, value);
    }

    private static Arguments row(String pattern, List<Observable> observables, List<SkipReason> skips) {
        return Arguments.of(pattern, observables, skips);
    }

    static Stream<Arguments> hashes() {
        String b64 = "b".repeat(64);
        Observable sha256B = observable(IndicatorType.FileSha256, b64);
        return Stream.of(
                row("[file:hashes.'SHA-256' = '" + SHA256 + "']", List.of(observable(IndicatorType.FileSha256, SHA256)),
                        List.of()),
                row("[file:hashes.'sha-256' = '" + b64 + "']", List.of(sha256B), List.of()),
                row("[file:hashes.'Sha-256' = '" + b64 + "']", List.of(sha256B), List.of()),
                row("[file:hashes.SHA256 = '" + b64 + "']", List.of(sha256B), List.of()),
                row("[file:hashes.sha256 = '" + b64 + "']", List.of(sha256B), List.of()),
                row("[file:hashes.'sha256' = '" + b64 + "']", List.of(sha256B), List.of()),
                row("[file:hashes.SHA_256 = '" + b64 + "']", List.of(sha256B), List.of()),
                row("[file:hashes.'SHA-256' = '" + "B".repeat(64) + "']", List.of(sha256B), List.of()),
                row("[file:hashes.'SHA-1' = '" + SHA1 + "']", List.of(observable(IndicatorType.FileSha1, SHA1)), List.of()),
                row("[file:hashes.'SHA1' = '" + SHA1 + "']", List.of(observable(IndicatorType.FileSha1, SHA1)), List.of()),
                row("[file:hashes.sha1 = '" + SHA1 + "']", List.of(observable(IndicatorType.FileSha1, SHA1)), List.of()),
                row("[file:hashes.'sha-1' = '" + SHA1.toUpperCase() + "']", List.of(observable(IndicatorType.FileSha1, SHA1)),
                        List.of()),
                row("[file:hashes.MD5 = '" + MD5 + "']", List.of(observable(IndicatorType.FileMd5, MD5)), List.of()),
                row("[file:hashes.md5 = '" + MD5.toUpperCase() + "']", List.of(observable(IndicatorType.FileMd5, MD5)),
                        List.of()),
                row("[file:hashes.'MD5' = '" + MD5 + "']", List.of(observable(IndicatorType.FileMd5, MD5)), List.of()),
                row("[file:hashes.SSDEEP = '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C']", List.of(),
                        List.of(SkipReason.UNSUPPORTED_HASH_ALGORITHM)),
                row("[file:hashes.'SHA-512' = '" + "c".repeat(128) + "']", List.of(),
                        List.of(SkipReason.UNSUPPORTED_HASH_ALGORITHM)),
                row("[file:hashes.'SHA3-256' = '" + b64 + "']", List.of(), List.of(SkipReason.UNSUPPORTED_HASH_ALGORITHM)),
                row("[file:hashes.TLSH = '" + "a".repeat(70) + "']", List.of(), List.of(SkipReason.UNSUPPORTED_HASH_ALGORITHM)),
                row("[file:hashes.MD5 = '" + MD5.substring(1) + "']", List.of(), List.of(SkipReason.INVALID_HASH)),
                row("[file:hashes.MD5 = '" + "g".repeat(32) + "']", List.of(), List.of(SkipReason.INVALID_HASH)),
                row("[file:hashes.MD5 = '" + SHA256 + "']", List.of(), List.of(SkipReason.INVALID_HASH)),
                row("[file:hashes.'SHA-256' = 42]", List.of(), List.of(SkipReason.INVALID_HASH)),
                row("[file:hashes.MD5 = '  " + MD5 + " ']", List.of(observable(IndicatorType.FileMd5, MD5)), List.of()),
                row("[file:hashes = 'x']", List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)));
    }

    static Stream<Arguments> certificates() {
        Observable thumbprint = observable(IndicatorType.CertificateThumbprint, THUMBPRINT);
        return Stream.of(
                row("[x509-certificate:hashes.'SHA-1' = '" + THUMBPRINT + "']", List.of(thumbprint), List.of()),
                row("[x509-certificate:hashes.sha1 = '" + THUMBPRINT.toUpperCase() + "']", List.of(thumbprint), List.of()),
                row("[x509-certificate:hashes.'SHA-256' = '" + SHA256 + "']", List.of(),
                        List.of(SkipReason.UNSUPPORTED_HASH_ALGORITHM)),
                row("[x509-certificate:hashes.MD5 = '" + MD5 + "']", List.of(), List.of(SkipReason.UNSUPPORTED_HASH_ALGORITHM)),
                row("[x509-certificate:hashes.'SHA-1' = '" + MD5 + "']", List.of(), List.of(SkipReason.INVALID_HASH)),
                row("[x509-certificate:hashes.'SHA-1' = '" + THUMBPRINT + "' AND x509-certificate:issuer = 'CN=WEBMAIL']",
                        List.of(thumbprint), List.of()),
                row("[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = "
                        + "'4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
                        List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[x509-certificate:serial_number = '4c:0b']", List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)));
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                row("[url:value = 'http://example.com/evil.txt\\')']",
                        List.of(observable(IndicatorType.Url, "http://example.com/evil.txt')")), List.of()),
                row("[url:value = 'HTTP://WWW.Example.COM/Path/A%2Fb?Q=A&b=%20#Frag']",
                        List.of(observable(IndicatorType.Url, "http://www.example.com/Path/A%2Fb?Q=A&b=%20#Frag")), List.of()),
                row("[url:value = 'https://r20.rs6.net/tn.jsp?f=']",
                        List.of(observable(IndicatorType.Url, "https://r20.rs6.net/tn.jsp?f=")), List.of()),
                row("[url:value = 'http://example.com']", List.of(observable(IndicatorType.Url, "http://example.com")),
                        List.of()),
                row("[url:value = 'http://user@example.com.:/x']",
                        List.of(observable(IndicatorType.Url, "http://user@example.com/x")), List.of()),
                row("[url:value = 'https://example.com:8443/x']",
                        List.of(observable(IndicatorType.Url, "https://example.com:8443/x")), List.of()),
                // Synthetic: no public sample has an internationalised URL host.
                row("[url:value = 'http://bücher.example/straße?q=ü']",
                        List.of(observable(IndicatorType.Url, "http://xn--bcher-kva.example/straße?q=ü")), List.of()),
                // Synthetic: no public sample has an IPv6 URL host.
                row("[url:value = 'http://[2001:4860:4860::8888]:8080/x']",
                        List.of(observable(IndicatorType.Url, "http://[2001:4860:4860:0:0:0:0:8888]:8080/x")), List.of()),
                row("[url:value = 'http://8.8.8.8/payload']", List.of(observable(IndicatorType.Url, "http://8.8.8.8/payload")),
                        List.of()),
                row("[url:value = 'http://example.com/foo/malicious1.html'"
                        + " OR url:value = '\\'http://example.com/foo/malicious2.html'"
                        + " OR url:value = 'http://example.com/foo/malicious3.html']",
                        List.of(observable(IndicatorType.Url, "http://example.com/foo/malicious1.html"),
                                observable(IndicatorType.Url, "http://example.com/foo/malicious3.html")),
                        List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'ftp://example.com/x']", List.of(), List.of(SkipReason.UNSUPPORTED_URL_SCHEME)),
                row("[url:value = 'example.com/path']", List.of(), List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'http:///path']", List.of(), List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'http://example.com/a b']", List.of(), List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'http://example.com:99999/']", List.of(), List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'http://exa_mple.com/']", List.of(), List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'http://[2001:4860:4860::8888/']", List.of(), List.of(SkipReason.INVALID_URL)),
                row("[url:value = 'http://10.0.0.1/x']", List.of(), List.of(SkipReason.NON_PUBLIC_ADDRESS)));
    }

    static Stream<Arguments> domains() {
        return Stream.of(
                row("[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example']",
                        List.of(observable(IndicatorType.DomainName, "a.example"),
                                observable(IndicatorType.DomainName, "b.example")), List.of()),
                row("[domain-name:value = 'WWW.Example.COM.']",
                        List.of(observable(IndicatorType.DomainName, "www.example.com")), List.of()),
                row("[hostname:value = 'host.example.com']", List.of(observable(IndicatorType.DomainName, "host.example.com")),
                        List.of()),
                // Synthetic: no public sample has an internationalised domain.
                row("[domain-name:value = 'Bücher.example']",
                        List.of(observable(IndicatorType.DomainName, "xn--bcher-kva.example")), List.of()),
                row("[domain-name:value = 'xn--bcher-kva.example']",
                        List.of(observable(IndicatorType.DomainName, "xn--bcher-kva.example")), List.of()),
                row("[domain-name:value = 'domain autuo.xicp.net' OR ipv4-addr:value = '60.10.1.115']",
                        List.of(observable(IndicatorType.IpAddress, "60.10.1.115")), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = 'com']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = 'bad_name.example']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = '-bad.example']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = 'a..example']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = '*.example.com']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = 'xn--zz.example']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = '" + "a".repeat(64) + ".example']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = '010.1.1.1']", List.of(), List.of(SkipReason.INVALID_DOMAIN)),
                row("[domain-name:value = '8.8.8.8']", List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of()),
                row("[domain-name:value = '10.1.2.3']", List.of(), List.of(SkipReason.NON_PUBLIC_ADDRESS)));
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                row("[ipv4-addr:value = '8.8.8.8']", List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of()),
                row("[ipv4-addr:value IN ('8.8.8.8', '9.9.9.9')]",
                        List.of(observable(IndicatorType.IpAddress, "8.8.8.8"),
                                observable(IndicatorType.IpAddress, "9.9.9.9")), List.of()),
                row("[ipv4-addr:value IN ('8.8.8.8', '10.0.0.1', 'x')]",
                        List.of(observable(IndicatorType.IpAddress, "8.8.8.8")),
                        List.of(SkipReason.NON_PUBLIC_ADDRESS, SkipReason.INVALID_IP)),
                row("[ipv4-addr:value = '8.8.8.8/32']", List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of()),
                row("[ipv4-addr:value = '223.166.0.0/15']", List.of(), List.of(SkipReason.IP_RANGE)),
                row("[ipv4-addr:value = '8.8.8.8/33']", List.of(), List.of(SkipReason.INVALID_IP)),
                row("[ipv4-addr:value = '010.1.1.1']", List.of(), List.of(SkipReason.INVALID_IP)),
                row("[ipv4-addr:value = 5]", List.of(), List.of(SkipReason.INVALID_IP)),
                // Synthetic: no public sample has an IPv6 address.
                row("[ipv6-addr:value = '2001:4860:4860::8888']",
                        List.of(observable(IndicatorType.IpAddress, "2001:4860:4860:0:0:0:0:8888")), List.of()),
                row("[ipv6-addr:value = '2001:4860:4860:0000:0000:0000:0000:8888/128']",
                        List.of(observable(IndicatorType.IpAddress, "2001:4860:4860:0:0:0:0:8888")), List.of()),
                row("[ipv6-addr:value = '2001:4860::/32']", List.of(), List.of(SkipReason.IP_RANGE)),
                row("[ipv6-addr:value = '::ffff:8.8.8.8']", List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of()),
                row("[ipv6-addr:value = '8.8.8.8']", List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of()),
                row("[ipv4-addr:value = '2001:4860:4860::8844']",
                        List.of(observable(IndicatorType.IpAddress, "2001:4860:4860:0:0:0:0:8844")), List.of()),
                row("[ipv6-addr:value = 'fe80::1']", List.of(), List.of(SkipReason.NON_PUBLIC_ADDRESS)),
                row("[ipv4-addr:value = '192.168.1.1']", List.of(), List.of(SkipReason.NON_PUBLIC_ADDRESS)));
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                row("[ipv4-addr:value != '8.8.8.8']", List.of(), List.of(SkipReason.UNSUPPORTED_OPERATOR)),
                row("[domain-name:value LIKE '%.example.com']", List.of(), List.of(SkipReason.UNSUPPORTED_OPERATOR)),
                row("[url:value MATCHES '^http://']", List.of(), List.of(SkipReason.UNSUPPORTED_OPERATOR)),
                row("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", List.of(), List.of(SkipReason.UNSUPPORTED_OPERATOR)),
                row("[file:hashes.MD5 > '" + MD5 + "']", List.of(), List.of(SkipReason.UNSUPPORTED_OPERATOR)),
                row("[EXISTS file:hashes.MD5]", List.of(), List.of(SkipReason.UNSUPPORTED_OPERATOR)),
                row("[file:hashes.MD5 NOT = '" + MD5 + "']", List.of(), List.of(SkipReason.NEGATION)),
                row("[ipv4-addr:value NOT IN ('8.8.8.8')]", List.of(), List.of(SkipReason.NEGATION)),
                row("[file:size > 100]", List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[file:name NOT = 'x.exe']", List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[ipv4-addr:resolves_to_refs[*].value = '8.8.8.8']", List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[process:name = 'evil.exe']", List.of(), List.of(SkipReason.UNSUPPORTED_OBJECT_TYPE)),
                row("[IPv4-Addr:value = '8.8.8.8']", List.of(), List.of(SkipReason.UNSUPPORTED_OBJECT_TYPE)));
    }

    static Stream<Arguments> conjunctions() {
        Observable md5 = observable(IndicatorType.FileMd5, MD5);
        Observable sha1 = observable(IndicatorType.FileSha1, SHA1);
        return Stream.of(
                row("[file:hashes.MD5 = '" + MD5 + "' AND file:name = 'x.exe']", List.of(md5), List.of()),
                row("[(file:hashes.MD5 = '" + MD5 + "' OR file:hashes.'SHA-1' = '" + SHA1 + "') AND file:name = 'x.exe']",
                        List.of(md5, sha1), List.of()),
                row("[file:hashes.MD5 = '" + MD5 + "' AND file:hashes.'SHA-1' = '" + SHA1 + "' AND file:size = 10]",
                        List.of(md5, sha1), List.of()),
                row("[file:hashes.'SHA-1' = '" + SHA1 + "' OR file:hashes.MD5 = '" + MD5 + "' AND file:name = 'x']",
                        List.of(sha1, md5), List.of()),
                row("[ipv4-addr:value = '8.8.8.8' AND network-traffic:dst_port = 80]", List.of(),
                        List.of(SkipReason.CROSS_TYPE_CONJUNCTION)),
                row("[domain-name:value = 'a.example' OR domain-name:value = 'b.example' AND network-traffic:dst_port = 443]",
                        List.of(observable(IndicatorType.DomainName, "a.example")),
                        List.of(SkipReason.CROSS_TYPE_CONJUNCTION)),
                row("[(file:hashes.MD5 = '" + MD5 + "' OR ipv4-addr:value = '8.8.8.8') AND file:name = 'x']",
                        List.of(md5), List.of(SkipReason.CROSS_TYPE_CONJUNCTION)),
                row("[file:hashes.MD5 = '" + MD5 + "' AND x509-certificate:hashes.'SHA-1' = '" + THUMBPRINT + "']",
                        List.of(), List.of(SkipReason.CROSS_TYPE_CONJUNCTION)),
                row("[domain-name:value = 'circl.lu' AND domain-name:resolves_to_refs[*].value = '149.13.33.14']",
                        List.of(), List.of(SkipReason.COMPARISON_CONJUNCTION)),
                row("[ipv4-addr:value = '8.8.8.8' AND ipv4-addr:value = '8.8.4.4']", List.of(),
                        List.of(SkipReason.COMPARISON_CONJUNCTION)),
                row("[file:hashes.MD5 = 'zz' AND file:name = 'x']", List.of(), List.of(SkipReason.INVALID_HASH)),
                row("[file:name = 'x' AND file:size = 1]", List.of(), List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[file:name = 'a' OR file:name = 'b']", List.of(),
                        List.of(SkipReason.UNSUPPORTED_PROPERTY, SkipReason.UNSUPPORTED_PROPERTY)),
                row("[(file:hashes.MD5 = '" + MD5 + "' OR file:name = 'y') AND file:size = 1]", List.of(md5),
                        List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[(file:hashes.MD5 = '" + MD5 + "' OR file:name = 'y') AND (file:size = 1 OR file:size = 2)]",
                        List.of(md5), List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[(windows-registry-key:key = 'k' AND windows-registry-key:values[*].data = 'd')]", List.of(),
                        List.of(SkipReason.UNSUPPORTED_OBJECT_TYPE)));
    }

    static Stream<Arguments> observations() {
        return Stream.of(
                row("[ipv4-addr:value = '1.1.10.1'] AND [ipv4-addr:value = '1.1.1.1']", List.of(),
                        List.of(SkipReason.OBSERVATION_CONJUNCTION)),
                row("[ipv4-addr:value = '8.8.8.8'] FOLLOWEDBY [domain-name:value = 'a.example']", List.of(),
                        List.of(SkipReason.FOLLOWED_BY)),
                row("[ipv4-addr:value = '8.8.8.8'] WITHIN 300 SECONDS", List.of(), List.of(SkipReason.QUALIFIER)),
                row("[ipv4-addr:value = '8.8.8.8'] REPEATS 5 TIMES", List.of(), List.of(SkipReason.QUALIFIER)),
                row("[ipv4-addr:value = '8.8.8.8'] OR [ipv4-addr:value = '9.9.9.9'] WITHIN 5 SECONDS",
                        List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of(SkipReason.QUALIFIER)),
                row("([ipv4-addr:value = '8.8.8.8'] OR [ipv4-addr:value = '9.9.9.9']) OR [file:name = 'x']",
                        List.of(observable(IndicatorType.IpAddress, "8.8.8.8"), observable(IndicatorType.IpAddress, "9.9.9.9")),
                        List.of(SkipReason.UNSUPPORTED_PROPERTY)),
                row("[ipv4-addr:value = '8.8.8.8' OR ipv4-addr:value = '8.8.8.8/32'] OR [ipv6-addr:value = '::ffff:8.8.8.8']",
                        List.of(observable(IndicatorType.IpAddress, "8.8.8.8")), List.of()));
    }

    static Stream<Arguments> values() {
        return Stream.of(
                row("[domain-name:value = '']", List.of(), List.of(SkipReason.EMPTY_VALUE)),
                row("[url:value = '   ']", List.of(), List.of(SkipReason.EMPTY_VALUE)),
                row("[ipv4-addr:value IN ()]", List.of(), List.of(SkipReason.EMPTY_VALUE)),
                row("[domain-name:value = ' a.example ']", List.of(observable(IndicatorType.DomainName, "a.example")),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"hashes", "certificates", "urls", "domains", "addresses", "operators", "conjunctions", "observations",
        "values"})
    void patternExtracts(String pattern, List<Observable> observables, List<SkipReason> skips) {
        PatternExtraction extraction = extractor.extract(pattern);

        assertThat(extraction.observables()).as("observables").isEqualTo(observables);
        assertThat(extraction.skips()).as("skip reasons").extracting(PatternExtraction.Skip::reason).isEqualTo(skips);
        assertThat(extraction.windowStop()).as("window stop").isNull();
    }

    @Test
    void nonPublicAddressesAllowed() {
        PatternExtractor lenient = new PatternExtractor(true);

        PatternExtraction extraction = lenient.extract("[ipv4-addr:value IN ('10.0.0.1', '192.0.2.1')]"
                + " OR [ipv6-addr:value = '::1'] OR [url:value = 'http://127.0.0.1/x']");

        assertThat(extraction.observables()).containsExactly(
                observable(IndicatorType.IpAddress, "10.0.0.1"),
                observable(IndicatorType.IpAddress, "192.0.2.1"),
                observable(IndicatorType.IpAddress, "0:0:0:0:0:0:0:1"),
                observable(IndicatorType.Url, "http://127.0.0.1/x"));
        assertThat(extraction.skips()).isEmpty();
    }

    @Test
    void startStopGivesWindowStop() {
        PatternExtraction extraction = extractor.extract(
                "[ipv4-addr:value = '8.8.8.8'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'");

        assertThat(extraction.observables()).containsExactly(observable(IndicatorType.IpAddress, "8.8.8.8"));
        assertThat(extraction.skips()).isEmpty();
        assertThat(extraction.windowStop()).isEqualTo(Instant.parse("2016-07-01T00:00:00Z"));
    }

    @Test
    void earliestWindowStopApplies() {
        PatternExtraction extraction = extractor.extract(
                "[ipv4-addr:value = '8.8.8.8'] START t'2016-01-01T00:00:00Z' STOP t'2030-01-01T00:00:00Z'"
                        + " OR [ipv4-addr:value = '9.9.9.9'] START t'2016-01-01T00:00:00Z' STOP t'2029-01-01T00:00:00Z'"
                        + " OR [ipv4-addr:value = '1.1.1.1']");

        assertThat(extraction.observables()).hasSize(3);
        assertThat(extraction.windowStop()).isEqualTo(Instant.parse("2029-01-01T00:00:00Z"));
    }

    @Test
    void emptyWindowIgnored() {
        PatternExtraction extraction = extractor.extract(
                "[ipv4-addr:value = '8.8.8.8'] START t'2016-01-01T00:00:00Z' STOP t'2030-01-01T00:00:00Z'"
                        + " OR [file:name = 'x'] START t'2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'");

        assertThat(extraction.windowStop()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void qualifiedWindowSkipped() {
        PatternExtraction extraction = extractor.extract(
                "([ipv4-addr:value = '8.8.8.8'] WITHIN 5 SECONDS) START t'2016-01-01T00:00:00Z' STOP t'2030-01-01T00:00:00Z'");

        assertThat(extraction.observables()).isEmpty();
        assertThat(extraction.skips()).extracting(PatternExtraction.Skip::reason).containsExactly(SkipReason.QUALIFIER);
        assertThat(extraction.windowStop()).isNull();
    }

    @Test
    void syntaxErrorSkipped() {
        PatternExtraction extraction = extractor.extract("[ipv4-addr:value = '8.8.8.8'");

        assertThat(extraction.observables()).isEmpty();
        assertThat(extraction.skips()).containsExactly(new PatternExtraction.Skip(SkipReason.PATTERN_SYNTAX,
                "Invalid STIX pattern at position 28: expected ']' but found end of input"));
        assertThat(extraction.windowStop()).isNull();
    }

    @Test
    void nullPatternSkipped() {
        PatternExtraction extraction = extractor.extract(null);

        assertThat(extraction.observables()).isEmpty();
        assertThat(extraction.skips()).containsExactly(new PatternExtraction.Skip(SkipReason.PATTERN_SYNTAX,
                "Invalid STIX pattern at position 0: the pattern is empty"));
    }

    @Test
    void skipDetailNamesComparison() {
        PatternExtraction extraction = extractor.extract("[ipv4-addr:value = '223.166.0.0/15' OR file:name NOT = 'a.exe']");

        assertThat(extraction.skips()).containsExactly(
                new PatternExtraction.Skip(SkipReason.IP_RANGE,
                        "ipv4-addr:value '223.166.0.0/15': CIDR /15 is a range; Defender accepts single addresses only"),
                new PatternExtraction.Skip(SkipReason.UNSUPPORTED_PROPERTY, "file:name NOT = 'a.exe'"));
    }

    @Test
    void skipDetailStaysShort() {
        StringBuilder names = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            names.append(i == 0 ? "" : " AND ").append("x-custom:p").append(i).append(" = '")
                    .append("v".repeat(200)).append('\'');
        }
        String bigSet = "[ipv4-addr:value NOT IN (" + "'8.8.8.8', ".repeat(2000) + "'9.9.9.9')]";

        PatternExtraction conjunction = extractor.extract(names.append(']').toString());
        PatternExtraction negation = extractor.extract(bigSet);

        assertThat(conjunction.skips()).singleElement().satisfies(skip -> assertThat(skip.detail()).hasSizeLessThan(200));
        assertThat(negation.skips()).singleElement().satisfies(skip -> assertThat(skip.detail()).hasSizeLessThan(200));
    }

    @Test
    void manyOredComparisonsMap() {
        StringBuilder pattern = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            pattern.append(i == 0 ? "" : " OR ").append("file:hashes.MD5 = '").append(String.format("%032x", i)).append('\'');
        }
        pattern.append(']');

        PatternExtraction extraction = extractor.extract(pattern.toString());

        assertThat(extraction.observables()).hasSize(5000);
        assertThat(extraction.skips()).isEmpty();
    }

    @Test
    void manyOredObservationsMap() {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            pattern.append(i == 0 ? "" : " OR ").append("[file:hashes.'SHA-256' = '").append(String.format("%064x", i))
                    .append("' AND file:size = ").append(i).append(']');
        }

        PatternExtraction extraction = extractor.extract(pattern.toString());

        assertThat(extraction.observables()).hasSize(5000);
        assertThat(extraction.skips()).isEmpty();
    }

    @Test
    void deepestNestingMaps() {
        int depth = PatternParser.MAX_NESTING_DEPTH - 1;
        String comparison = "file:hashes.MD5 = '" + MD5 + "'";
        String pattern = "[" + "(".repeat(depth) + comparison + " AND file:size = 1" + ")".repeat(depth) + "]";

        PatternExtraction extraction = extractor.extract(pattern);

        assertThat(extraction.observables()).containsExactly(observable(IndicatorType.FileMd5, MD5));
    }
}
