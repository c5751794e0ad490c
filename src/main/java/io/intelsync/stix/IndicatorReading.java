package io.intelsync.stix;

import java.time.Instant;
import java.util.List;

import io.intelsync.mapping.Observable;
import io.intelsync.mapping.PatternExtraction;
import io.intelsync.mapping.SkipReason;

/** What reading one STIX object gives: not an indicator, an indicator to skip, or an indicator to keep. */
public sealed interface IndicatorReading {

    /** An object of another type, such as a malware or a marking definition; it is ignored and not counted. */
    record NotIndicator(String type) implements IndicatorReading {
    }

    /**
     * An indicator that yields no Defender indicator.
     *
     * @param stixId the STIX id, or null when the object has none
     * @param modified the version's {@code modified} time, or null when it has none or it is invalid
     * @param reason why it is skipped
     * @param detail a short explanation for the log
     */
    record Skipped(String stixId, Instant modified, SkipReason reason, String detail) implements IndicatorReading {

        /** Returns whether this version withdraws the indicator, so that its older versions must not be kept either. */
        public boolean withdrawsIndicator() {
            return stixId != null && modified != null
                    && (reason == SkipReason.REVOKED || reason == SkipReason.EXPIRED
                            || reason == SkipReason.NOT_FOR_DETECTION);
        }
    }

    /**
     * An indicator with at least one Defender observable.
     *
     * @param indicator the indicator's fields
     * @param observables the observables of its pattern, at least one
     * @param partialSkips the parts of its pattern that were skipped
     * @param windowStop the end of the pattern's {@code START ... STOP} window, or null
     */
    record Accepted(StixIndicator indicator, List<Observable> observables, List<PatternExtraction.Skip> partialSkips,
            Instant windowStop) implements IndicatorReading {

        public Accepted {
            observables = List.copyOf(observables);
            partialSkips = List.copyOf(partialSkips);
        }
    }
}
