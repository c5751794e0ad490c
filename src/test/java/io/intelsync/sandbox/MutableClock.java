package io.intelsync.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that tests set and advance by hand, so that no test sleeps. Thread-safe. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Starts at 2025-01-01T00:00:00Z. */
    public static MutableClock startingAtNewYear2025() {
        return new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public synchronized void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MutableClock is UTC only");
    }
}
