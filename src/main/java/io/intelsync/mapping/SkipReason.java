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
    NO_SUPPORTED_COMPARISON("no-supported-comparison"),
    /** The comparison is on an object type that no Defender indicator type covers, such as process. */
    UNSUPPORTED_OBJECT_TYPE("unsupported-object-type"),
    /** The object type maps to Defender but the compared property does not, such as file:name. */
    UNSUPPORTED_PROPERTY("unsupported-property"),
    /** A supported property is compared with an operator other than = and IN, such as LIKE or MATCHES. */
    UNSUPPORTED_OPERATOR("unsupported-operator"),
    /** A comparison on a supported property is negated with NOT. */
    NEGATION("negation"),
    /** AND inside one observation joins comparisons on different object types. */
    CROSS_TYPE_CONJUNCTION("cross-type-conjunction"),
    /** AND inside one observation narrows an IP, domain or URL comparison, which one Defender value cannot express. */
    COMPARISON_CONJUNCTION("comparison-conjunction"),
    /** Observation expressions joined by AND, which need several separate observations to match. */
    OBSERVATION_CONJUNCTION("observation-conjunction"),
    /** Observation expressions joined by FOLLOWEDBY, which need observations in a given order. */
    FOLLOWED_BY("followed-by"),
    /** A WITHIN or REPEATS qualifier, which Defender cannot express. */
    QUALIFIER("qualifier"),
    /** A hash algorithm that Defender does not take for the object type, such as SSDEEP or SHA-512. */
    UNSUPPORTED_HASH_ALGORITHM("unsupported-hash-algorithm"),
    /** A hash value that is not hex of the algorithm's length. */
    INVALID_HASH("invalid-hash"),
    /** A domain name that is not a valid DNS host name of at least two labels. */
    INVALID_DOMAIN("invalid-domain"),
    /** A value that is not an IPv4 or IPv6 address. */
    INVALID_IP("invalid-ip"),
    /** An IP address with a CIDR prefix shorter than the address, which is a range; Defender takes single addresses. */
    IP_RANGE("ip-range"),
    /** A private, loopback, link-local, multicast, documentation or other non-public address. */
    NON_PUBLIC_ADDRESS("non-public-address"),
    /** A URL without a scheme or a valid host, or with whitespace or control characters in it. */
    INVALID_URL("invalid-url"),
    /** A well-formed URL whose scheme is not http or https, such as ftp. */
    UNSUPPORTED_URL_SCHEME("unsupported-url-scheme"),
    /** A value that is empty or only whitespace, or an empty IN list. */
    EMPTY_VALUE("empty-value");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /** Returns the kebab-case name used in counts and logs. */
    public String label() {
        return label;
    }
}
