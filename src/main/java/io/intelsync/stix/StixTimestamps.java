package io.intelsync.stix;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the timestamps that STIX objects and TAXII servers send. STIX requires UTC with a {@code Z}, but
 * real servers send every RFC 3339 form: no fraction, milliseconds, microseconds, nanoseconds, {@code Z}
 * or a numeric offset, and a lower-case {@code t} or {@code z}. A leap second ({@code :60}) is read as the
 * first instant of the next minute.
 */
public final class StixTimestamps {

    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static final DateTimeFormatter TAXII_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private StixTimestamps() {
    }

    /** Parses an RFC 3339 timestamp, or returns empty when the text is null or not one. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        // RFC 3339 years have exactly four digits, where ISO 8601 also allows a sign and more digits.
        if (!trimmed.matches("\\d{4}-.*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed, RFC_3339).toInstant());
        } catch (DateTimeParseException ex) {
            return parseLeapSecond(trimmed);
        }
    }

    /** Formats an instant the way TAXII requires for {@code added_after}: UTC with six fraction digits. */
    public static String formatTaxii(Instant instant) {
        return TAXII_FORMAT.format(instant);
    }

    private static Optional<Instant> parseLeapSecond(String text) {
        // "2016-12-31T23:59:60Z": the seconds field starts after the second colon of the time.
        int timeStart = text.indexOf('T') >= 0 ? text.indexOf('T') : text.indexOf('t');
        int secondsStart = timeStart + 7;
        if (timeStart < 0 || text.length() < secondsStart + 2 || !text.startsWith("60", secondsStart)) {
            return Optional.empty();
        }
        String adjusted = text.substring(0, secondsStart) + "59" + text.substring(secondsStart + 2);
        try {
            return Optional.of(OffsetDateTime.parse(adjusted, RFC_3339).toInstant().plusSeconds(1));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
