package io.intelsync.cycle;

import java.util.Locale;

/** How a sync cycle ended. */
public enum CycleStatus {
    /** Every collection was read to its end and every planned call to Defender succeeded. */
    COMPLETE,
    /**
     * A collection read stopped early, or a call to Defender failed after its retries. Creations from what
     * was read went ahead; deletions did not.
     */
    PARTIAL,
    /** The cycle could not compare with Defender (listing or the token failed), so it sent no write. */
    FAILED;

    /** Returns the lower-case name used in the {@code Sync finished} line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
