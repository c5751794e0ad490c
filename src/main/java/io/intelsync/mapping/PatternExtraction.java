package io.intelsync.mapping;

import java.time.Instant;
import java.util.List;

/**
 * What one STIX pattern yields: the Defender observables, the comparisons that were skipped and
 * why, and the end of a {@code START ... STOP} window when the pattern has one.
 *
 * @param observables the distinct observables in pattern order
 * @param skips the skipped parts, one entry per skipped comparison or expression
 * @param windowStop the {@code STOP} time of the pattern's observation window, or null
 */
public record PatternExtraction(List<Observable> observables, List<Skip> skips, Instant windowStop) {

    /** A skipped part of a pattern with the reason and a short human-readable detail. */
    public record Skip(SkipReason reason, String detail) {
    }

    public PatternExtraction {
        observables = List.copyOf(observables);
        skips = List.copyOf(skips);
    }

    /** Returns an extraction with no observables and a single skip, for example for a pattern that does not parse. */
    public static PatternExtraction skipped(SkipReason reason, String detail) {
        return new PatternExtraction(List.of(), List.of(new Skip(reason, detail)), null);
    }
}
