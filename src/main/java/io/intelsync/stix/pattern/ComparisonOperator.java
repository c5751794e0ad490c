package io.intelsync.stix.pattern;

/** Operators of STIX comparison expressions. {@code ==} parses as {@link #EQUAL} and {@code <>} as {@link #NOT_EQUAL}. */
public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    IN("IN"),
    LIKE("LIKE"),
    MATCHES("MATCHES"),
    IS_SUBSET("ISSUBSET"),
    IS_SUPERSET("ISSUPERSET");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the operator as written in a pattern, for example {@code >=} or {@code ISSUBSET}. */
    public String symbol() {
        return symbol;
    }
}
