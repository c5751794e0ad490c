package io.intelsync.sandbox.defender;

import java.time.Duration;

/**
 * A sliding-window rate limit: at most {@code maxCalls} calls within any {@code window}.
 *
 * @param maxCalls the maximum number of calls in the window
 * @param window the window length
 */
public record RateLimit(int maxCalls, Duration window) {

    public RateLimit {
        if (maxCalls <= 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("Invalid rate limit " + maxCalls + " per " + window
                    + ": both must be positive");
        }
    }

    public static RateLimit perMinute(int maxCalls) {
        return new RateLimit(maxCalls, Duration.ofMinutes(1));
    }

    public static RateLimit perHour(int maxCalls) {
        return new RateLimit(maxCalls, Duration.ofHours(1));
    }
}
