package io.intelsync.defender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps calls to Defender within its published rate limits, so that a full sync is paced instead of
 * refused: import 30 calls per minute; BatchDelete 30 per minute and 1,500 per hour; list 100 per minute
 * and 1,500 per hour (Microsoft's pages on the indicators API give these). Each operation keeps the times
 * of its recent calls, and a call that would exceed a window waits until the oldest call in it leaves.
 *
 * <p>Written by hand rather than with Camel's throttle EIP because the waits must run on an injectable
 * clock and sleeper, so that tests pace a whole sync in simulated time without sleeping.
 */
public final class DefenderRateLimits {

    /** The rate-limited operations of the indicators API. */
    public enum Operation {
        LIST, IMPORT, BATCH_DELETE, MACHINE_GROUPS
    }

    /** A limit of calls per time window. */
    public record Limit(int calls, Duration window) {
    }

    /** Waits for a duration; tests advance a clock instead. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DefenderRateLimits.class);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<Operation, List<Limit>> limits;
    private final Map<Operation, Deque<Instant>> calls = new EnumMap<>(Operation.class);

    public DefenderRateLimits(Clock clock, Sleeper sleeper, Map<Operation, List<Limit>> limits) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.limits = new EnumMap<>(limits);
        for (Operation operation : Operation.values()) {
            calls.put(operation, new ArrayDeque<>());
        }
    }

    /** Returns a sleeper that blocks the calling thread, for production. */
    public static Sleeper threadSleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }

    /** Waits until a call of the operation is within every limit, then counts the call. */
    public void acquire(Operation operation) {
        Duration wait = reserve(operation);
        if (!wait.isZero()) {
            LOG.info("Pacing Defender {} calls: waiting {} ms to stay within the rate limit", operation,
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while pacing Defender " + operation + " calls", ex);
            }
        }
    }

    // Counts the call at the time it may run and returns how long to wait for that time.
    private synchronized Duration reserve(Operation operation) {
        Instant now = clock.instant();
        Deque<Instant> history = calls.get(operation);
        Instant start = now;
        for (Limit limit : limits.getOrDefault(operation, List.of())) {
            Instant allowed = earliestWithin(history, limit, now);
            if (allowed.isAfter(start)) {
                start = allowed;
            }
        }
        history.addLast(start);
        Duration longest = limits.getOrDefault(operation, List.of()).stream().map(Limit::window)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        while (!history.isEmpty() && history.peekFirst().isBefore(now.minus(longest))) {
            history.removeFirst();
        }
        return Duration.between(now, start);
    }

    // Returns the earliest time at which one more call keeps at most limit.calls calls inside any window.
    private static Instant earliestWithin(Deque<Instant> history, Limit limit, Instant now) {
        if (history.size() < limit.calls()) {
            return now;
        }
        Instant[] times = history.toArray(new Instant[0]);
        Instant oldestInWindow = times[times.length - limit.calls()];
        Instant allowed = oldestInWindow.plus(limit.window());
        return allowed.isAfter(now) ? allowed : now;
    }
}
