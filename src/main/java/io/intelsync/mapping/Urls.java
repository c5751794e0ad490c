package io.intelsync.mapping;

import java.util.Locale;
import java.util.Set;

import io.intelsync.defender.IndicatorType;

/**
 * Normalisation and validation of URLs for Defender Url indicators.
 *
 * <p>A URL must have the form {@code scheme://host...} with the scheme http or https. Other schemes
 * such as ftp are skipped as UNSUPPORTED_URL_SCHEME. NOTE: whether Defender matches URL indicators
 * with other schemes is not confirmed, so they are skipped rather than spend indicator slots of the
 * tenant limit on them.
 *
 * <p>The scheme and host are lower-cased, a domain host becomes its A-label form, an IPv4 host must be
 * a strict dotted quad and a bracketed IPv6 host is written with all eight groups. IP hosts must be
 * public unless non-public addresses are allowed. User information, port, path, query and fragment are
 * kept exactly as given, without decoding or re-encoding, and an empty port ({@code host:}) is dropped.
 * Whitespace and control characters anywhere make the URL invalid, because a URL on the wire cannot
 * contain them unencoded.
 */
final class Urls {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final int MAX_PORT = 65535;

    private Urls() {
    }

    /**
     * Normalises a url:value.
     *
     * @param value the trimmed, non-empty value
     * @param allowNonPublic whether URLs with a non-public IP host are accepted
     */
    static ValueResult normalize(String value, boolean allowNonPublic) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return invalid("contains whitespace or a control character");
            }
        }

        int separator = value.indexOf("://");
        if (separator <= 0 || !isScheme(value, separator)) {
            return invalid("missing scheme such as http://");
        }
        String scheme = value.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return ValueResult.rejected(SkipReason.UNSUPPORTED_URL_SCHEME, "scheme " + scheme + " is not http or https");
        }

        int authorityStart = separator + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < value.length() && "/?#".indexOf(value.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        Authority authority = Authority.parse(value.substring(authorityStart, authorityEnd));
        if (authority.problem() != null) {
            return invalid(authority.problem());
        }

        Host host = normalizeHost(authority.host(), allowNonPublic);
        if (host.rejection() != null) {
            return host.rejection();
        }
        String url = scheme + "://" + authority.userInfo() + host.text() + authority.port() + value.substring(authorityEnd);
        return ValueResult.accepted(new Observable(IndicatorType.Url, url));
    }

    private static Host normalizeHost(String host, boolean allowNonPublic) {
        boolean bracketed = host.startsWith("[");
        String literal = bracketed ? host.substring(1, host.length() - 1) : host;
        if (bracketed || IpAddresses.isIpLiteral(literal)) {
            if (bracketed && literal.indexOf(':') < 0) {
                return Host.rejected(invalid("brackets around a host that is not an IPv6 address"));
            }
            ValueResult address = IpAddresses.normalize(literal, allowNonPublic);
            if (!address.isAccepted()) {
                return Host.rejected(address.reason() == SkipReason.NON_PUBLIC_ADDRESS ? address
                        : invalid("invalid IP host: " + address.problem()));
            }
            String text = address.observable().value();
            // An IPv4-mapped address comes back as IPv4, which a URL writes without brackets.
            return new Host(text.indexOf(':') >= 0 ? "[" + text + "]" : text, null);
        }
        DomainNames.HostName name = DomainNames.toHostName(host);
        if (name.problem() != null) {
            return Host.rejected(invalid("invalid host: " + name.problem()));
        }
        return new Host(name.ascii(), null);
    }

    private static boolean isScheme(String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean other = i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!letter && !other) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPort(String digits) {
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Integer.parseInt(digits) <= MAX_PORT;
    }

    private static ValueResult invalid(String problem) {
        return ValueResult.rejected(SkipReason.INVALID_URL, problem);
    }

    /**
     * The parts of a URL authority, {@code [userinfo@]host[:port]}, or the reason it is invalid.
     *
     * @param userInfo the user information with its {@code @}, or empty
     * @param host the host, with brackets for an IPv6 literal
     * @param port the port with its colon, or empty; an empty port ({@code host:}) is dropped
     * @param problem why the authority is invalid, or null when it is valid
     */
    private record Authority(String userInfo, String host, String port, String problem) {

        static Authority parse(String authority) {
            int at = authority.lastIndexOf('@');
            String userInfo = authority.substring(0, at + 1);
            String hostAndPort = authority.substring(at + 1);

            String host;
            String port;
            if (hostAndPort.startsWith("[")) {
                int close = hostAndPort.indexOf(']');
                if (close < 0) {
                    return invalid("IPv6 host without a closing ']'");
                }
                host = hostAndPort.substring(0, close + 1);
                port = hostAndPort.substring(close + 1);
            } else {
                int colon = hostAndPort.lastIndexOf(':');
                host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
                port = colon < 0 ? "" : hostAndPort.substring(colon);
            }

            if (!port.isEmpty() && !port.startsWith(":")) {
                return invalid("unexpected text after the IPv6 host");
            }
            if (port.length() > 1 && !isPort(port.substring(1))) {
                return invalid("port " + port.substring(1) + " is not a number from 0 to " + MAX_PORT);
            }
            if (host.isEmpty()) {
                return invalid("missing host");
            }
            return new Authority(userInfo, host, port.equals(":") ? "" : port, null);
        }

        private static Authority invalid(String problem) {
            return new Authority(null, null, null, problem);
        }
    }

    /**
     * The host as it goes into the URL (IPv6 in brackets), or the rejection of the whole URL.
     *
     * @param text the normalised host, or null when it was rejected
     * @param rejection the rejected result, or null when the host is valid
     */
    private record Host(String text, ValueResult rejection) {
        static Host rejected(ValueResult rejection) {
            return new Host(null, rejection);
        }
    }
}
