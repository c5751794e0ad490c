package io.intelsync.sandbox.defender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding-window rate limits per calling client and endpoint. A rejected call is not counted. Not
 * thread-safe.
 */
final class RateLimiter {

    /**
     * A rejected call.
     *
     * @param limit the limit that the call would exceed (the one with the longest wait)
     * @param retryAfterSeconds whole seconds until a call is allowed again, at least 1
     */
    record Rejection(RateLimit limit, long retryAfterSeconds) {
    }

    private final Map<DefenderEndpoint, List<RateLimit>> limits = new EnumMap<>(DefenderEndpoint.class);
    private final Map<String, Deque<Instant>> callTimes = new HashMap<>();

    RateLimiter() {
        resetToDocumentedLimits();
    }

    /**
     * Restores the limits documented for the Defender for Endpoint indicators API: 100 calls a
     * minute and 1,500 an hour for List, Submit and Delete, 30 a minute for Import, and 30 a
     * minute and 1,500 an hour for BatchDelete.
     */
    // NOTE: the machine group endpoint is not rate limited here, although Defender may limit it.
    void resetToDocumentedLimits() {
        List<RateLimit> standard = List.of(RateLimit.perMinute(100), RateLimit.perHour(1500));
        limits.put(DefenderEndpoint.LIST, standard);
        limits.put(DefenderEndpoint.SUBMIT, standard);
        limits.put(DefenderEndpoint.DELETE, standard);
        limits.put(DefenderEndpoint.IMPORT, List.of(RateLimit.perMinute(30)));
        limits.put(DefenderEndpoint.BATCH_DELETE, List.of(RateLimit.perMinute(30), RateLimit.perHour(1500)));
        limits.put(DefenderEndpoint.MACHINE_GROUPS, List.of());
        callTimes.clear();
    }

    void setLimits(DefenderEndpoint endpoint, List<RateLimit> endpointLimits) {
        limits.put(endpoint, List.copyOf(endpointLimits));
    }

    /** Counts the call and returns empty if every limit allows it, or returns the rejection without counting it. */
    Optional<Rejection> tryAcquire(String clientId, DefenderEndpoint endpoint, Instant now) {
        List<RateLimit> endpointLimits = limits.get(endpoint);
        if (endpointLimits.isEmpty()) {
            return Optional.empty();
        }
        Deque<Instant> times = callTimes.computeIfAbsent(clientId + "\n" + endpoint, key -> new ArrayDeque<>());
        Duration longest = endpointLimits.stream().map(RateLimit::window).max(Duration::compareTo).orElseThrow();
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(longest))) {
            times.pollFirst();
        }

        Rejection rejection = null;
        for (RateLimit limit : endpointLimits) {
            Optional<Long> wait = secondsUntilAllowed(times, limit, now);
            if (wait.isPresent() && (rejection == null || wait.get() > rejection.retryAfterSeconds())) {
                rejection = new Rejection(limit, wait.get());
            }
        }
        if (rejection != null) {
            return Optional.of(rejection);
        }
        times.addLast(now);
        return Optional.empty();
    }

    /**
     * Returns the whole seconds until the window contains fewer than {@code maxCalls} calls, or empty
     * if it does now. That happens when the oldest calls over the limit leave the window.
     */
    private static Optional<Long> secondsUntilAllowed(Deque<Instant> times, RateLimit limit, Instant now) {
        Instant windowStart = now.minus(limit.window());
        int inWindow = 0;
        for (Instant time : times) {
            if (time.isAfter(windowStart)) {
                inWindow++;
            }
        }
        if (inWindow < limit.maxCalls()) {
            return Optional.empty();
        }
        int toExpire = inWindow - limit.maxCalls() + 1;
        Iterator<Instant> iterator = times.iterator();
        Instant leaving = null;
        while (toExpire > 0 && iterator.hasNext()) {
            Instant time = iterator.next();
            if (time.isAfter(windowStart)) {
                leaving = time;
                toExpire--;
            }
        }
        Duration wait = Duration.between(now, leaving.plus(limit.window()));
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Optional.of(Math.max(1, seconds));
    }
}
