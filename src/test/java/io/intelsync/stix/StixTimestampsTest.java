package io.intelsync.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StixTimestampsTest {

    @ParameterizedTest
    @CsvSource({
            "2016-09-09T05:58:03Z, 2016-09-09T05:58:03Z",
            "2016-09-09T05:58:03.000Z, 2016-09-09T05:58:03Z",
            "2023-11-02T16:33:20.409Z, 2023-11-02T16:33:20.409Z",
            "2015-05-15T09:12:16.432678Z, 2015-05-15T09:12:16.432678Z",
            "9999-12-31T00:01:00.000000Z, 9999-12-31T00:01:00Z",
            "2024-01-01T02:00:00+02:00, 2024-01-01T00:00:00Z",
            "2024-01-01t00:00:00.5z, 2024-01-01T00:00:00.5Z",
            "2016-12-31T23:59:60Z, 2017-01-01T00:00:00Z",
            "2020-01-01T00:00:00.123456789Z, 2020-01-01T00:00:00.123456789Z"
    })
    void parsesRfc3339Forms(String text, String expected) {
        assertThat(StixTimestamps.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2020-13-01T00:00:00Z", "2020-01-01 00:00:00", "2020-01-01T00:00:00"})
    void rejectsOtherText(String text) {
        assertThat(StixTimestamps.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2023-11-02T16:33:20.409Z, 2023-11-02T16:33:20.409000Z",
            "2016-09-09T05:58:03Z, 2016-09-09T05:58:03.000000Z"
    })
    void formatsTaxiiMicroseconds(String instant, String expected) {
        assertThat(StixTimestamps.formatTaxii(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void impossibleDatesAndLongYearsAreRejected() {
        assertThat(StixTimestamps.parse("2024-02-30T00:00:00Z")).isEmpty();
        assertThat(StixTimestamps.parse("2024-01-02T25:00:00Z")).isEmpty();
        assertThat(StixTimestamps.parse("-999999999-01-01T00:00:00Z")).isEmpty();
        assertThat(StixTimestamps.parse("+10000-01-01T00:00:00Z")).isEmpty();
        assertThat(StixTimestamps.parse("2024-02-29T00:00:00Z")).contains(Instant.parse("2024-02-29T00:00:00Z"));
    }
}
