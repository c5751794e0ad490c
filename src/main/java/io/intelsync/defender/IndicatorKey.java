package io.intelsync.defender;

import java.util.Locale;

/**
 * The identity of a Defender indicator: its type and its value, compared the way Defender compares them.
 * Hash values and domains are case-insensitive, so they are lower-cased; other values are compared as
 * written, after trimming.
 *
 * @param type the {@code indicatorType} as Defender writes it
 * @param value the normalised value
 */
public record IndicatorKey(String type, String value) {

    /** Builds the key of a type and value as Defender returns them. */
    public static IndicatorKey of(String type, String value) {
        String trimmed = value == null ? "" : value.trim();
        boolean caseInsensitive = switch (type == null ? "" : type) {
            case "FileSha1", "FileSha256", "FileMd5", "CertificateThumbprint", "DomainName" -> true;
            default -> false;
        };
        return new IndicatorKey(type, caseInsensitive ? trimmed.toLowerCase(Locale.ROOT) : trimmed);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
