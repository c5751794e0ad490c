package io.intelsync.mapping;

import java.net.IDN;
import java.util.Locale;

import io.intelsync.defender.IndicatorType;

/**
 * Normalisation and validation of domain names for Defender DomainName indicators.
 *
 * <p>A value is lower-cased and loses one trailing dot. Internationalised names become A-labels
 * ({@code xn--...}) through {@link IDN#toASCII(String, int)} with {@link IDN#USE_STD3_ASCII_RULES}, so
 * that the result is a host name of letters, digits and hyphens. {@link IDN#ALLOW_UNASSIGNED} is not
 * set: code points that Unicode has not assigned yet may get a different mapping later, and the value
 * is stored in Defender, not just looked up.
 *
 * <p>The result must be a host name: labels of 1 to 63 letters, digits and hyphens that neither start
 * nor end with a hyphen, at most 253 characters, and an A-label must decode. It must have at least two
 * labels, because a Defender domain indicator also matches every subdomain, so a single label such as
 * {@code com} would match a whole top-level domain. The last label must not be all digits; such a
 * value is an IP address or nothing.
 *
 * <p>NOTE: {@link IDN} implements IDNA2003, which maps some characters differently from IDNA2008
 * (for example {@code ß} becomes {@code ss}), so a few internationalised names get a different A-label
 * than browsers produce.
 */
final class DomainNames {

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {
    }

    /**
     * Normalises a domain-name or hostname value. A value that is an IP literal becomes an IpAddress
     * observable, because a domain indicator with an address in it would never match a name lookup.
     *
     * @param value the trimmed, non-empty value
     * @param allowNonPublic whether non-public addresses are accepted when the value is an IP literal
     */
    static ValueResult normalize(String value, boolean allowNonPublic) {
        if (IpAddresses.isIpLiteral(value)) {
            return IpAddresses.normalize(value, allowNonPublic);
        }
        HostName host = toHostName(value);
        if (host.problem() != null) {
            return ValueResult.rejected(SkipReason.INVALID_DOMAIN, host.problem());
        }
        return ValueResult.accepted(new Observable(IndicatorType.DomainName, host.ascii()));
    }

    /** Converts {@code value} to a lower-case A-label host name, or returns why it is not a valid host name. */
    static HostName toHostName(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!isAscii(name)) {
            try {
                name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return HostName.invalid("not a valid internationalised domain name: " + e.getMessage());
            }
        }
        if (name.isEmpty()) {
            return HostName.invalid("empty name");
        }
        if (name.length() > MAX_LENGTH) {
            return HostName.invalid("longer than " + MAX_LENGTH + " characters");
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return HostName.invalid("a single label; Defender would match the whole top-level domain");
        }
        for (String label : labels) {
            String problem = validateLabel(label);
            if (problem != null) {
                return HostName.invalid(problem);
            }
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return HostName.invalid("the last label is all digits");
        }
        return new HostName(name, null);
    }

    /**
     * A host name in lower-case A-label form, or the reason the input is not a valid host name.
     *
     * @param ascii the normalised name, or null when the input is invalid
     * @param problem why the input is invalid, or null when it is valid
     */
    record HostName(String ascii, String problem) {
        static HostName invalid(String problem) {
            return new HostName(null, problem);
        }
    }

    private static String validateLabel(String label) {
        if (label.isEmpty()) {
            return "empty label";
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            return "label longer than " + MAX_LABEL_LENGTH + " characters";
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ldh = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
            if (!ldh) {
                return "character '" + (Character.isWhitespace(c) || c < 0x20 ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c)) + "' is not a letter, digit or hyphen";
            }
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return "label starts or ends with a hyphen";
        }
        // IDN.toUnicode returns its input unchanged when an A-label does not decode.
        if (label.startsWith("xn--") && IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES).equals(label)) {
            return "label " + label + " is not a valid A-label";
        }
        return null;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
