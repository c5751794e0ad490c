package io.intelsync.stix.pattern;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Parser for the timestamps of STIX timestamp literals: {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}.
 *
 * <p>This is the RFC 3339 profile that the STIX 2.1 grammar allows: upper-case {@code T} and
 * {@code Z}, UTC only (no numeric offset), and any number of fraction digits. The date must exist in
 * the calendar. The second {@code 60} is accepted as the grammar allows it for leap seconds; because
 * {@link Instant} has no leap seconds, it is read as the first instant of the next minute.
 * Fraction digits beyond nanoseconds are truncated.
 */
final class Timestamps {

    private static final int MIN_LENGTH = "0000-00-00T00:00:00Z".length();
    private static final int NANO_DIGITS = 9;

    private Timestamps() {
    }

    /**
     * Parses {@code text} to an instant.
     *
     * @throws IllegalArgumentException if the text is not a valid timestamp, with a message naming the invalid part
     */
    static Instant parse(String text) {
        if (text.length() < MIN_LENGTH || !hasLayout(text)) {
            throw new IllegalArgumentException("expected the form YYYY-MM-DDTHH:MM:SS[.fraction]Z");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 01 to 12");
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw new IllegalArgumentException("day " + text.substring(8, 10) + " does not exist in "
                    + text.substring(0, 7));
        }
        if (hour > 23) {
            throw new IllegalArgumentException("hour must be 00 to 23");
        }
        if (minute > 59) {
            throw new IllegalArgumentException("minute must be 00 to 59");
        }
        if (second > 60) {
            throw new IllegalArgumentException("second must be 00 to 60");
        }
        int nanos = fractionNanos(text);
        LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59), nanos);
        Instant instant = time.toInstant(ZoneOffset.UTC);
        return second == 60 ? instant.plusSeconds(1) : instant;
    }

    private static boolean hasLayout(String text) {
        for (int i = 0; i < MIN_LENGTH - 1; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        int end = text.length() - 1;
        if (text.charAt(end) != 'Z') {
            return false;
        }
        if (end == MIN_LENGTH - 1) {
            return true;
        }
        // A fraction: a dot and at least one digit between the seconds and the Z.
        if (text.charAt(MIN_LENGTH - 1) != '.' || end == MIN_LENGTH) {
            return false;
        }
        for (int i = MIN_LENGTH; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private static int fractionNanos(String text) {
        int start = MIN_LENGTH;
        int end = text.length() - 1;
        if (end <= start) {
            return 0;
        }
        int nanos = 0;
        for (int i = 0; i < NANO_DIGITS; i++) {
            int index = start + i;
            nanos = nanos * 10 + (index < end ? text.charAt(index) - '0' : 0);
        }
        return nanos;
    }
}
