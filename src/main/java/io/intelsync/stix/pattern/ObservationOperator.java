package io.intelsync.stix.pattern;

/**
 * Operators that join observation expressions. AND binds tighter than OR, and OR binds tighter
 * than FOLLOWEDBY.
 */
public enum ObservationOperator {
    AND,
    OR,
    FOLLOWEDBY
}
