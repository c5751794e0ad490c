package io.intelsync.mapping;

import java.util.List;

/**
 * Turns a STIX 2.1 pattern into the Defender observables it names.
 */
public final class PatternExtractor {

    public PatternExtractor() {
        this(false);
    }

    public PatternExtractor(boolean allowNonPublicAddresses) {
    }

    /** Extracts the observables of one pattern. Never throws for a malformed pattern. */
    public PatternExtraction extract(String pattern) {
        // TODO: placeholder until the pattern parser lands; every pattern is skipped.
        return new PatternExtraction(List.of(),
                List.of(new PatternExtraction.Skip(SkipReason.NO_SUPPORTED_COMPARISON, "parser not available")), null);
    }
}
