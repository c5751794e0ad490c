package io.intelsync.mapping;

import io.intelsync.defender.IndicatorType;

/**
 * Writes a Defender indicator value in the form the extraction produces, so that a value Defender returns in
 * another form (a compressed IPv6 address, an upper-case URL host) still matches the desired one. A value
 * that does not normalise is returned trimmed.
 */
public final class CanonicalValues {

    private CanonicalValues() {
    }

    /** Returns the canonical form of a value of the given type. */
    public static String canonical(IndicatorType type, String value) {
        String trimmed = value == null ? "" : value.trim();
        ValueResult result = switch (type) {
            case IpAddress -> IpAddresses.normalize(trimmed, true);
            case Url -> Urls.normalize(trimmed, true);
            case DomainName -> DomainNames.normalize(trimmed, true);
            default -> null;
        };
        return result != null && result.isAccepted() && result.observable().type() == type ? result.observable().value()
                : trimmed;
    }
}
