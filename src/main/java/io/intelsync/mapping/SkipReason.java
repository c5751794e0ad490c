package io.intelsync.mapping;

/**
 * Why a STIX object, or one comparison of its pattern, does not become a Defender indicator. The
 * {@link #label()} is the name that counts and log lines use.
 */
public enum SkipReason {
    /** The object has a {@code pattern_type} other than {@code stix}, for example yara or sigma. */
    PATTERN_TYPE_NOT_STIX("pattern-type-not-stix"),
    /** The object is revoked. */
    REVOKED("revoked"),
    /** The object's {@code valid_until} has passed. */
    EXPIRED("expired"),
    /** OpenCTI marks the indicator as not for detection. */
    NOT_FOR_DETECTION("not-for-detection"),
    /** A required property such as {@code id}, {@code modified} or {@code pattern} is missing or invalid. */
    INVALID_OBJECT("invalid-object"),
    /** The pattern does not parse. */
    PATTERN_SYNTAX("pattern-syntax"),
    /** The pattern parsed, but no comparison in it maps to a Defender indicator. */
    NO_SUPPORTED_COMPARISON("no-supported-comparison");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /** Returns the kebab-case name used in counts and logs. */
    public String label() {
        return label;
    }
}
