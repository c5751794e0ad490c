package io.intelsync.stix.pattern;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A qualifier after an observation expression that limits when or how often it must match. */
public sealed interface Qualifier {

    /** Returns the qualifier in STIX pattern syntax. */
    String toPatternText();

    /** {@code WITHIN n SECONDS}: all observations must fall inside a window of that many seconds. */
    record Within(BigDecimal seconds) implements Qualifier {
        public Within {
            Objects.requireNonNull(seconds, "seconds");
            if (seconds.signum() < 0) {
                throw new IllegalArgumentException("WITHIN takes a non-negative number of seconds");
            }
        }

        @Override
        public String toPatternText() {
            return "WITHIN " + seconds.toPlainString() + " SECONDS";
        }
    }

    /** {@code REPEATS n TIMES}: the expression must match that many times. */
    record Repeats(int count) implements Qualifier {
        public Repeats {
            if (count < 0) {
                throw new IllegalArgumentException("REPEATS takes a non-negative count");
            }
        }

        @Override
        public String toPatternText() {
            return "REPEATS " + count + " TIMES";
        }
    }

    /** {@code START t'...' STOP t'...'}: observations must fall inside this time window. STOP is later than START. */
    record StartStop(Instant start, Instant stop) implements Qualifier {
        public StartStop {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
            if (!stop.isAfter(start)) {
                throw new IllegalArgumentException("STOP must be later than START");
            }
        }

        @Override
        public String toPatternText() {
            return "START t'" + start + "' STOP t'" + stop + "'";
        }
    }
}
