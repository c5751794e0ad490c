package io.intelsync.defender;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.intelsync.mapping.CanonicalValues;

/**
 * The identity of a Defender indicator: its type, its value compared the way Defender compares it, and the
 * device groups it applies to. Hash values and domains are case-insensitive, so they are lower-cased; IP
 * addresses, domains and URLs are first written in the form the extraction produces (see
 * {@link CanonicalValues}). Group names are compared without case and order.
 *
 * @param type the {@code indicatorType} as Defender writes it
 * @param value the normalised value
 * @param scope the sorted, lower-case device group names joined by commas, or empty for all devices
 */
public record IndicatorKey(String type, String value, String scope) {

    /** Builds the key of an indicator that applies to all devices. */
    public static IndicatorKey of(String type, String value) {
        return of(type, value, List.of());
    }

    /** Builds the key of a type, value and device groups as Defender returns them. */
    public static IndicatorKey of(String type, String value, List<String> rbacGroupNames) {
        String trimmed = value == null ? "" : value.trim();
        if ("IpAddress".equals(type) || "Url".equals(type) || "DomainName".equals(type)) {
            trimmed = CanonicalValues.canonical(IndicatorType.valueOf(type), trimmed);
        }
        boolean caseInsensitive = switch (type == null ? "" : type) {
            case "FileSha1", "FileSha256", "FileMd5", "CertificateThumbprint", "DomainName" -> true;
            default -> false;
        };
        String scope = rbacGroupNames == null ? "" : rbacGroupNames.stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty()).distinct().sorted()
                .collect(Collectors.joining(","));
        return new IndicatorKey(type, caseInsensitive ? trimmed.toLowerCase(Locale.ROOT) : trimmed, scope);
    }

    /** Returns the key of the same type and value for all devices. */
    public IndicatorKey withoutScope() {
        return scope.isEmpty() ? this : new IndicatorKey(type, value, "");
    }

    @Override
    public String toString() {
        return type + ":" + value + (scope.isEmpty() ? "" : " [" + scope + "]");
    }
}
