package io.intelsync.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.intelsync.stix.pattern.ObservationExpression;
import io.intelsync.stix.pattern.ObservationOperator;
import io.intelsync.stix.pattern.Qualifier;

/**
 * Maps a parsed pattern, observation expression by observation expression.
 *
 * <p>OR fans out: each operand is mapped on its own. AND and FOLLOWEDBY between observation
 * expressions, and the WITHIN and REPEATS qualifiers, need several observations or a time relation
 * that a Defender indicator cannot express, so each such expression becomes one skip. An expression
 * with {@code START t1 STOP t2} is mapped as if unqualified and reports {@code t2} as its window stop.
 * Stateless and thread-safe.
 */
final class ObservationEvaluator {

    private final ComparisonEvaluator comparisons;

    ObservationEvaluator(ComparisonEvaluator comparisons) {
        this.comparisons = comparisons;
    }

    /**
     * The observables and skips of an observation expression.
     *
     * @param windowStop the earliest STOP time among the START/STOP windows that yielded observables, or null
     */
    record Result(List<Observable> observables, List<PatternExtraction.Skip> skips, Instant windowStop) {
    }

    Result evaluate(ObservationExpression expression) {
        List<Observable> observables = new ArrayList<>();
        List<PatternExtraction.Skip> skips = new ArrayList<>();
        Instant windowStop = evaluate(expression, observables, skips);
        return new Result(observables, skips, windowStop);
    }

    /** Adds the observables and skips of {@code expression} and returns its window stop, or null. */
    private Instant evaluate(ObservationExpression expression, List<Observable> observables,
            List<PatternExtraction.Skip> skips) {
        if (expression instanceof ObservationExpression.Observation observation) {
            ComparisonEvaluator.Outcome outcome = comparisons.evaluate(observation.comparison());
            observables.addAll(outcome.observables());
            skips.addAll(outcome.skips());
            return null;
        }
        if (expression instanceof ObservationExpression.Junction junction) {
            if (junction.operator() != ObservationOperator.OR) {
                SkipReason reason = junction.operator() == ObservationOperator.AND ? SkipReason.OBSERVATION_CONJUNCTION
                        : SkipReason.FOLLOWED_BY;
                skips.add(new PatternExtraction.Skip(reason, SkipDetails.observations(junction)));
                return null;
            }
            Instant windowStop = null;
            for (ObservationExpression operand : junction.operands()) {
                windowStop = earlier(windowStop, evaluate(operand, observables, skips));
            }
            return windowStop;
        }
        ObservationExpression.Qualified qualified = (ObservationExpression.Qualified) expression;
        if (!(qualified.qualifier() instanceof Qualifier.StartStop window)) {
            skips.add(new PatternExtraction.Skip(SkipReason.QUALIFIER, SkipDetails.qualified(qualified)));
            return null;
        }
        int before = observables.size();
        Instant innerStop = evaluate(qualified.expression(), observables, skips);
        // A window that yields no observable must not shorten the others' lifetime.
        return observables.size() > before ? earlier(innerStop, window.stop()) : innerStop;
    }

    private static Instant earlier(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return first.isBefore(second) ? first : second;
    }
}
