package io.intelsync.stix.pattern;

/** Operators that join comparison expressions inside one observation expression. AND binds tighter than OR. */
public enum BooleanOperator {
    AND,
    OR
}
