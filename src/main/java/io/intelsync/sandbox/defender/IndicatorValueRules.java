package io.intelsync.sandbox.defender;

import io.intelsync.defender.IndicatorType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules Defender applies to each indicator, beyond the body's shape. Import reports a
 * broken rule as a failed item, and Submit as a 400.
 *
 * <p>Rules, from the Defender for Endpoint indicator documentation: IP indicators take single
 * external IPv4 addresses or IPv6 addresses written with all 8 groups, with no CIDR blocks or
 * ranges. Hashes must have the length of their type, and certificate thumbprints are SHA-1.
 * Network indicators (IP address, domain, URL) do not support {@code BlockAndRemediate}.
 * {@code Audit} needs {@code generateAlert} set to true. The expiration time must be in the future.
 */
final class IndicatorValueRules {

    /**
     * A broken rule.
     *
     * @param code the Defender error code, such as {@code InvalidIpAddress}
     * @param message the failure reason
     */
    record Violation(String code, String message) {
    }

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]{0,61}[\\p{L}\\p{N}_])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IndicatorValueRules() {
    }

    /** Returns the first rule the indicator breaks at the given time, or empty. */
    static Optional<Violation> check(IndicatorRequest indicator, Instant now) {
        Optional<Violation> valueViolation = checkValue(indicator.indicatorType(), indicator.indicatorValue());
        if (valueViolation.isPresent()) {
            return valueViolation;
        }
        if (indicator.indicatorType().isNetwork() && indicator.action().equals("BlockAndRemediate")) {
            return invalidInput("Action BlockAndRemediate is not supported for " + indicator.indicatorType()
                    + " indicators. Network indicators support Allowed, Audit, Warn and Block.");
        }
        // The documentation says generateAlert "must be set to TRUE" for Audit, so leaving it out fails too.
        if (indicator.action().equals("Audit") && !Boolean.TRUE.equals(indicator.generateAlert())) {
            return invalidInput("The generateAlert parameter must be set to true when the action is Audit.");
        }
        if (indicator.expirationTime() != null && !indicator.expirationTime().isAfter(now)) {
            return invalidInput("Expiration time " + indicator.expirationTime() + " is not in the future.");
        }
        return Optional.empty();
    }

    static Optional<Violation> checkValue(IndicatorType type, String value) {
        return switch (type) {
            case IpAddress -> checkIpAddress(value);
            case DomainName -> isValidDomain(value) ? Optional.empty() : violation("InvalidDomainName", "Invalid domain name '" + value + "'.");
            case Url -> checkUrl(value);
            case FileSha1, CertificateThumbprint -> checkHash(value, 40);
            case FileMd5 -> checkHash(value, 32);
            case FileSha256 -> checkHash(value, 64);
        };
    }

    private static Optional<Violation> checkHash(String value, int length) {
        if (value.length() == length && HEX.matcher(value).matches()) {
            return Optional.empty();
        }
        return violation("InvalidHashValue", "Hash value " + value + " is invalid");
    }

    private static Optional<Violation> checkIpAddress(String value) {
        if (value.contains("/")) {
            return violation("InvalidIpAddress", "CIDR notation for IPs isn't supported: '" + value + "'. Submit single IP addresses.");
        }
        if (value.contains("-")) {
            return violation("InvalidIpAddress", "IP address ranges aren't supported: '" + value + "'. Submit single IP addresses.");
        }
        byte[] address = value.contains(":") ? parseFullIpv6(value) : parseIpv4(value);
        if (address == null) {
            String hint = value.contains("::")
                    ? " IPv6 addresses must be written with all 8 groups, such as 2001:4860:4860:0:0:0:0:8888."
                    : "";
            return violation("InvalidIpAddress", "Invalid IP address '" + value + "'." + hint);
        }
        if (!isPublic(address)) {
            return violation("InvalidIpAddress", "Only external IPs can be added: '" + value
                    + "' is a private, loopback, link-local, multicast or reserved address.");
        }
        return Optional.empty();
    }

    private static byte[] parseIpv4(String value) {
        if (!IPV4.matcher(value).matches()) {
            return null;
        }
        String[] parts = value.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            address[i] = (byte) octet;
        }
        return address;
    }

    /** Parses an IPv6 address only when it is written with all 8 groups, without {@code ::}. */
    private static byte[] parseFullIpv6(String value) {
        String[] groups = value.split(":", -1);
        if (groups.length != 8) {
            return null;
        }
        byte[] address = new byte[16];
        for (int i = 0; i < 8; i++) {
            if (groups[i].isEmpty() || groups[i].length() > 4 || !HEX.matcher(groups[i]).matches()) {
                return null;
            }
            int group = Integer.parseInt(groups[i], 16);
            address[2 * i] = (byte) (group >> 8);
            address[2 * i + 1] = (byte) group;
        }
        return address;
    }

    /**
     * Returns false for unspecified, private, shared (100.64.0.0/10), loopback, link-local,
     * multicast and reserved addresses, and for IPv4-mapped IPv6 forms of those.
     */
    private static boolean isPublic(byte[] address) {
        if (address.length == 16) {
            boolean mappedIpv4 = true;
            for (int i = 0; i < 10; i++) {
                mappedIpv4 &= address[i] == 0;
            }
            mappedIpv4 &= address[10] == (byte) 0xff && address[11] == (byte) 0xff;
            if (mappedIpv4) {
                return isPublic(new byte[] {address[12], address[13], address[14], address[15]});
            }
            boolean allZeroButLast = true;
            for (int i = 0; i < 15; i++) {
                allZeroButLast &= address[i] == 0;
            }
            int first = address[0] & 0xff;
            int second = address[1] & 0xff;
            boolean unspecifiedOrLoopback = allZeroButLast && (address[15] == 0 || address[15] == 1);
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean linkLocal = first == 0xfe && (second & 0xc0) == 0x80;
            boolean multicast = first == 0xff;
            return !(unspecifiedOrLoopback || uniqueLocal || linkLocal || multicast);
        }
        int a = address[0] & 0xff;
        int b = address[1] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168));
    }

    /** Accepts host names of two or more labels, with no wildcard, trailing dot or all-numeric top-level label. */
    static boolean isValidDomain(String value) {
        if (value.isEmpty() || value.length() > 253 || value.endsWith(".")) {
            return false;
        }
        String[] labels = value.split("\\.", -1);
        if (labels.length < 2 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Violation> checkUrl(String value) {
        Optional<Violation> invalid = violation("InvalidUrl", "Invalid URL '" + value + "'.");
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace) || value.contains("*")) {
            return invalid;
        }
        String withScheme = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            return invalid;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
            return invalid;
        }
        if (host.startsWith("[")) {
            return parseFullIpv6(host.substring(1, host.length() - 1)) != null ? Optional.empty() : invalid;
        }
        return parseIpv4(host) != null || isValidDomain(host) ? Optional.empty() : invalid;
    }

    private static Optional<Violation> invalidInput(String message) {
        return violation("InvalidInput", message);
    }

    private static Optional<Violation> violation(String code, String message) {
        return Optional.of(new Violation(code, message));
    }
}
