package io.intelsync.e2e;

/**
 * What one cycle over the eight built-in STIX sample collections yields. The numbers were checked against
 * the sample files with an independent script.
 */
final class ExpectedSampleCounts {

    /**
     * Objects served: the emulator serves the newest version of each id, as OpenCTI does, so medallion's
     * collection gives 5 of its 8 objects; the other files give 2, 97, 40, 1, 10, 76 and 155.
     */
    static final long OBJECTS = 386;

    /** Indicator objects among them: 109 in the files, less two older versions in medallion's data. */
    static final long INDICATORS = 107;

    /** Skipped: 2 revoked, 4 CIDR ranges, 4 certificate or file-name patterns, 1 AND of two observations. */
    static final long SKIPPED = 11;

    /** Indicators that yield at least one Defender indicator. */
    static final long KEPT = INDICATORS - SKIPPED;

    /**
     * Distinct Defender indicators: 1061 MD5, 8 SHA-256, 7 SHA-1, 33 domains, 20 IPv4 addresses and 5 URLs.
     * The distinct values are fewer than the comparisons because Appendix G repeats MD5 hashes across
     * indicators and the Poison Ivy report repeats addresses.
     */
    static final long CREATED = 1134;

    private ExpectedSampleCounts() {
    }
}
