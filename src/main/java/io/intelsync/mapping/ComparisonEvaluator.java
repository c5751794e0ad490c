package io.intelsync.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intelsync.stix.pattern.BooleanOperator;
import io.intelsync.stix.pattern.ComparisonExpression;
import io.intelsync.stix.pattern.Literal;

/**
 * Maps the comparison expression inside one observation expression's brackets to observables and skips.
 *
 * <p>The rules follow from reading the expression as a disjunction of conjunctions (its disjunctive
 * normal form), without expanding it, which could grow exponentially:
 * <ul>
 *   <li>Every disjunct of an OR is mapped on its own, and an unmappable disjunct adds a skip.</li>
 *   <li>A mappable comparison under an AND yields its values if some conjunction containing it has only
 *       comparisons on its own object type, and that type is identified by a hash (file or
 *       x509-certificate). The other comparisons of that conjunction are dropped, so the indicator
 *       matches the content whatever its name or size. A conjunction that mixes object types is skipped
 *       as CROSS_TYPE_CONJUNCTION. An IP, domain or URL comparison under an AND is skipped as
 *       COMPARISON_CONJUNCTION, because one Defender value cannot express the narrowing.</li>
 *   <li>An AND that yields nothing becomes one skip (or the value rejections inside it), not one skip
 *       per comparison.</li>
 * </ul>
 *
 * <p>Some conjunction of an AND has only comparisons on type T exactly when every operand of the AND
 * has such a conjunction. {@code pureTypes} computes the set of these types once per node.
 *
 * <p>Each call of {@link #evaluate} uses its own memo, so one instance is safe to share between threads.
 */
final class ComparisonEvaluator {

    private final ComparisonMapper mapper;

    ComparisonEvaluator(ComparisonMapper mapper) {
        this.mapper = mapper;
    }

    /** Maps the comparison expression of one observation expression. */
    Outcome evaluate(ComparisonExpression expression) {
        return new Evaluation().evaluate(expression, null, false);
    }

    /** Where a skip comes from, which decides whether an AND that drops narrowing comparisons keeps it. */
    enum Origin {
        /** A mappable comparison whose value was rejected, for example an invalid hash. */
        VALUE,
        /** A mappable comparison that a conjunction blocked. */
        CONJUNCTION,
        /** A comparison that does not map at all, for example on file:name. */
        UNSUPPORTED
    }

    /** Observables and skips, in pattern order, with the origin of each skip. */
    static final class Outcome {
        private final List<Observable> observables = new ArrayList<>();
        private final List<PatternExtraction.Skip> skips = new ArrayList<>();
        private final List<Origin> origins = new ArrayList<>();

        List<Observable> observables() {
            return observables;
        }

        List<PatternExtraction.Skip> skips() {
            return skips;
        }

        private void skip(SkipReason reason, String detail, Origin origin) {
            skips.add(new PatternExtraction.Skip(reason, detail));
            origins.add(origin);
        }

        private void addAll(Outcome other) {
            observables.addAll(other.observables);
            skips.addAll(other.skips);
            origins.addAll(other.origins);
        }

        /** Copies the observables and the skips that did not come from unsupported comparisons. */
        private void addAllButUnsupported(Outcome other) {
            observables.addAll(other.observables);
            for (int i = 0; i < other.skips.size(); i++) {
                if (other.origins.get(i) != Origin.UNSUPPORTED) {
                    skips.add(other.skips.get(i));
                    origins.add(other.origins.get(i));
                }
            }
        }

        private int firstIndexOf(Origin origin) {
            return origins.indexOf(origin);
        }
    }

    /** The state of one evaluation: the memo of {@code pureTypes}. */
    private final class Evaluation {
        private final Map<ComparisonExpression, Set<String>> pureTypesMemo = new IdentityHashMap<>();

        /**
         * Maps {@code expression}.
         *
         * @param allowedTypes the object types that a conjunction containing this expression may have,
         *     as required by the enclosing ANDs; null when no AND encloses it
         * @param inConjunction whether an AND encloses the expression
         */
        Outcome evaluate(ComparisonExpression expression, Set<String> allowedTypes, boolean inConjunction) {
            if (expression instanceof ComparisonExpression.Junction junction) {
                return junction.operator() == BooleanOperator.OR ? evaluateOr(junction, allowedTypes, inConjunction)
                        : evaluateAnd(junction, allowedTypes);
            }
            return evaluateLeaf(expression, allowedTypes, inConjunction);
        }

        private Outcome evaluateOr(ComparisonExpression.Junction junction, Set<String> allowedTypes,
                boolean inConjunction) {
            Outcome outcome = new Outcome();
            for (ComparisonExpression operand : junction.operands()) {
                outcome.addAll(evaluate(operand, allowedTypes, inConjunction));
            }
            return outcome;
        }

        private Outcome evaluateAnd(ComparisonExpression.Junction junction, Set<String> allowedTypes) {
            List<ComparisonExpression> operands = junction.operands();
            int count = operands.size();
            // suffix.get(i) is the intersection of the pure types of operands i..count-1, where null means "any".
            List<Set<String>> suffix = new ArrayList<>(count + 1);
            for (int i = 0; i <= count; i++) {
                suffix.add(null);
            }
            for (int i = count - 1; i >= 0; i--) {
                suffix.set(i, intersect(pureTypes(operands.get(i)), suffix.get(i + 1)));
            }

            List<Outcome> parts = new ArrayList<>(count);
            Set<String> prefix = allowedTypes;
            boolean anyObservable = false;
            for (int i = 0; i < count; i++) {
                Set<String> allowed = intersect(prefix, suffix.get(i + 1));
                Outcome part = evaluate(operands.get(i), allowed, true);
                anyObservable |= !part.observables.isEmpty();
                parts.add(part);
                prefix = intersect(prefix, pureTypes(operands.get(i)));
            }

            Outcome outcome = new Outcome();
            if (anyObservable) {
                for (Outcome part : parts) {
                    if (part.observables.isEmpty()) {
                        // The operand only narrowed the match, so its unsupported comparisons are dropped on purpose.
                        outcome.addAllButUnsupported(part);
                    } else {
                        outcome.addAll(part);
                    }
                }
                return outcome;
            }
            return summarizeUnmapped(junction, parts);
        }

        /** Turns an AND that yields nothing into its value rejections, or else into one skip. */
        private Outcome summarizeUnmapped(ComparisonExpression.Junction junction, List<Outcome> parts) {
            Outcome outcome = new Outcome();
            for (Outcome part : parts) {
                for (int i = 0; i < part.skips.size(); i++) {
                    if (part.origins.get(i) == Origin.VALUE) {
                        outcome.skip(part.skips.get(i).reason(), part.skips.get(i).detail(), Origin.VALUE);
                    }
                }
            }
            if (!outcome.skips.isEmpty()) {
                return outcome;
            }
            for (Origin origin : List.of(Origin.CONJUNCTION, Origin.UNSUPPORTED)) {
                for (Outcome part : parts) {
                    int index = part.firstIndexOf(origin);
                    if (index >= 0) {
                        outcome.skip(part.skips.get(index).reason(), SkipDetails.junction(junction), origin);
                        return outcome;
                    }
                }
            }
            return outcome;
        }

        private Outcome evaluateLeaf(ComparisonExpression leaf, Set<String> allowedTypes, boolean inConjunction) {
            Outcome outcome = new Outcome();
            SkipReason unsupported = ComparisonMapper.unsupportedReason(leaf);
            if (unsupported != null) {
                outcome.skip(unsupported, SkipDetails.comparison(leaf), Origin.UNSUPPORTED);
                return outcome;
            }
            ComparisonExpression.Comparison comparison = (ComparisonExpression.Comparison) leaf;
            String type = comparison.path().objectType();
            if (allowedTypes != null && !allowedTypes.contains(type)) {
                outcome.skip(SkipReason.CROSS_TYPE_CONJUNCTION, SkipDetails.comparison(leaf), Origin.CONJUNCTION);
                return outcome;
            }
            if (inConjunction && !ComparisonMapper.isIdentifiedByHash(type)) {
                outcome.skip(SkipReason.COMPARISON_CONJUNCTION, SkipDetails.comparison(leaf), Origin.CONJUNCTION);
                return outcome;
            }
            List<ValueResult> results = mapper.map(comparison);
            List<Literal> values = comparison.value() instanceof Literal.SetLiteral set ? set.elements()
                    : List.of(comparison.value());
            for (int i = 0; i < results.size(); i++) {
                ValueResult result = results.get(i);
                if (result.isAccepted()) {
                    outcome.observables.add(result.observable());
                } else {
                    Literal value = values.isEmpty() ? comparison.value() : values.get(i);
                    outcome.skip(result.reason(), SkipDetails.value(comparison, value, result.problem()), Origin.VALUE);
                }
            }
            return outcome;
        }

        /** Returns the object types T such that some conjunction of {@code expression} has only comparisons on T. */
        private Set<String> pureTypes(ComparisonExpression expression) {
            Set<String> cached = pureTypesMemo.get(expression);
            if (cached != null) {
                return cached;
            }
            Set<String> types;
            if (expression instanceof ComparisonExpression.Comparison comparison) {
                types = Set.of(comparison.path().objectType());
            } else if (expression instanceof ComparisonExpression.Exists exists) {
                types = Set.of(exists.path().objectType());
            } else {
                ComparisonExpression.Junction junction = (ComparisonExpression.Junction) expression;
                boolean or = junction.operator() == BooleanOperator.OR;
                Set<String> combined = null;
                for (ComparisonExpression operand : junction.operands()) {
                    Set<String> operandTypes = pureTypes(operand);
                    if (combined == null) {
                        combined = new HashSet<>(operandTypes);
                    } else if (or) {
                        combined.addAll(operandTypes);
                    } else {
                        combined.retainAll(operandTypes);
                    }
                }
                types = combined;
            }
            pureTypesMemo.put(expression, types);
            return types;
        }
    }

    /** Intersects two sets where null stands for the set of all types. */
    private static Set<String> intersect(Set<String> left, Set<String> right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        Set<String> result = new HashSet<>(left);
        result.retainAll(right);
        return result;
    }
}
