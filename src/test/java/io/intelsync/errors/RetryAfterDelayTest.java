package io.intelsync.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.intelsync.config.RetrySettings;

class RetryAfterDelayTest {

    private final RetryAfterDelay delay = new RetryAfterDelay(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new RetrySettings(3, 1000, 60_000));

    @Test
    void readsSecondsInAnyHeaderCase() {
        assertThat(delay.retryAfterMillis(Map.of("Retry-after", "3"))).contains(3000L);
        assertThat(delay.retryAfterMillis(Map.of("RETRY-AFTER", " 1 "))).contains(1000L);
    }

    @Test
    void readsHttpDate() {
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT"))).contains(5000L);
    }

    @Test
    void ignoresMissingOrInvalidHeader() {
        assertThat(delay.retryAfterMillis(Map.of())).isEmpty();
        assertThat(delay.retryAfterMillis(null)).isEmpty();
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "soon"))).isEmpty();
    }

    @Test
    void hugeValuesAreCappedWithoutOverflow() {
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "9300000000000000"))).contains(60_000L);
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "99999999999999999999999"))).contains(60_000L);
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "61"))).contains(60_000L);
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "Fri, 01 Jan 2027 00:00:00 GMT"))).contains(60_000L);
    }

    @Test
    void negativeSecondsMeanNoWait() {
        assertThat(delay.retryAfterMillis(Map.of("Retry-After", "-4"))).contains(0L);
    }
}
