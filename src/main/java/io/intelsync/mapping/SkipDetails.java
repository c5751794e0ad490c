package io.intelsync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.intelsync.stix.pattern.ComparisonExpression;
import io.intelsync.stix.pattern.Literal;
import io.intelsync.stix.pattern.ObservationExpression;

/**
 * Short human-readable details for skips. Values are cut to {@value #MAX_VALUE_LENGTH} characters and
 * lists of paths to {@value #MAX_PATHS} entries, so a detail never repeats a whole large pattern.
 */
final class SkipDetails {

    static final int MAX_VALUE_LENGTH = 80;
    static final int MAX_PATHS = 3;
    private static final int MAX_SET_ELEMENTS = 3;

    private SkipDetails() {
    }

    /** Describes one comparison, for example {@code file:hashes.MD5 NOT = 'abc'}. */
    static String comparison(ComparisonExpression leaf) {
        if (leaf instanceof ComparisonExpression.Exists exists) {
            return "EXISTS " + exists.path();
        }
        ComparisonExpression.Comparison comparison = (ComparisonExpression.Comparison) leaf;
        return comparison.path() + (comparison.negated() ? " NOT " : " ") + comparison.operator().symbol() + " "
                + literal(comparison.value());
    }

    /** Describes one rejected value, for example {@code ipv4-addr:value '10.0.0.1': address is private-use ...}. */
    static String value(ComparisonExpression.Comparison comparison, Literal value, String problem) {
        return comparison.path() + " " + literal(value) + ": " + problem;
    }

    /** Describes a junction of comparisons by the distinct paths in it, for example {@code AND of file:name, file:size}. */
    static String junction(ComparisonExpression.Junction junction) {
        Set<String> paths = new LinkedHashSet<>();
        collectPaths(junction, paths);
        return junction.operator() + " of " + pathList(paths);
    }

    /**
     * Describes observation expressions joined by an operator, for example
     * {@code AND of 2 observation expressions on ipv4-addr:value}.
     */
    static String observations(ObservationExpression.Junction junction) {
        Set<String> paths = new LinkedHashSet<>();
        collectPaths(junction, paths);
        return junction.operator() + " of " + junction.operands().size() + " observation expressions on "
                + pathList(paths);
    }

    /** Describes a qualified observation expression by its qualifier and paths. */
    static String qualified(ObservationExpression.Qualified qualified) {
        Set<String> paths = new LinkedHashSet<>();
        collectPaths(qualified.expression(), paths);
        return qualified.qualifier().toPatternText() + " on " + pathList(paths);
    }

    private static String literal(Literal value) {
        if (value instanceof Literal.SetLiteral set) {
            List<String> entries = new ArrayList<>();
            for (Literal element : set.elements()) {
                if (entries.size() == MAX_SET_ELEMENTS) {
                    entries.add("... " + set.elements().size() + " values in all");
                    break;
                }
                entries.add(literal(element));
            }
            return "(" + String.join(", ", entries) + ")";
        }
        String text = value.toPatternText();
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "..." : text;
    }

    private static String pathList(Set<String> paths) {
        List<String> entries = new ArrayList<>();
        for (String path : paths) {
            if (entries.size() == MAX_PATHS) {
                entries.add("and " + (paths.size() - MAX_PATHS) + " more");
                break;
            }
            entries.add(path.length() > MAX_VALUE_LENGTH ? path.substring(0, MAX_VALUE_LENGTH) + "..." : path);
        }
        return String.join(", ", entries);
    }

    private static void collectPaths(ObservationExpression expression, Set<String> paths) {
        if (expression instanceof ObservationExpression.Observation observation) {
            collectPaths(observation.comparison(), paths);
        } else if (expression instanceof ObservationExpression.Junction junction) {
            junction.operands().forEach(operand -> collectPaths(operand, paths));
        } else {
            collectPaths(((ObservationExpression.Qualified) expression).expression(), paths);
        }
    }

    private static void collectPaths(ComparisonExpression expression, Set<String> paths) {
        if (expression instanceof ComparisonExpression.Comparison comparison) {
            paths.add(comparison.path().toString());
        } else if (expression instanceof ComparisonExpression.Exists exists) {
            paths.add(exists.path().toString());
        } else {
            ((ComparisonExpression.Junction) expression).operands().forEach(operand -> collectPaths(operand, paths));
        }
    }
}
