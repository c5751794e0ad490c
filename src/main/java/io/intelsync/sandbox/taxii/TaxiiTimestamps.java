package io.intelsync.sandbox.taxii;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Parsing and formatting of TAXII and STIX timestamps. */
final class TaxiiTimestamps {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private TaxiiTimestamps() {
    }

    /**
     * Parses an RFC 3339 timestamp with any number of fractional digits, in UTC ({@code Z}) or
     * with an offset.
     *
     * @throws DateTimeParseException if the text is not such a timestamp
     */
    static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    /** Formats an instant with 3 (OpenCTI) or 6 (TAXII specification, medallion) fractional digits, truncating. */
    static String format(Instant instant, int fractionDigits) {
        if (fractionDigits == 3) {
            return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
