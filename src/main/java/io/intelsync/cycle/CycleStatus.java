package io.intelsync.cycle;

import java.util.Locale;

/** The outcome of a sync cycle. */
public enum CycleStatus {
    /** Every collection was read to its end and Defender contains every desired indicator. */
    COMPLETE,
    /**
     * A collection read stopped early, a call to Defender failed after its retries, or Defender refused
     * indicators, which went to the dead letter. After an incomplete read, creations from what was read went
     * ahead and deletions did not; after a failed call, the other calls still ran.
     */
    PARTIAL,
    /** The cycle could not compare with Defender (listing or the token failed), so it sent no write. */
    FAILED;

    /** Returns the lower-case name used in the {@code Sync finished} line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
