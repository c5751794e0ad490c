package io.intelsync.stix.pattern;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The content of one observation expression's brackets: comparisons joined by AND and OR. */
public sealed interface ComparisonExpression {

    /** Returns the expression in STIX pattern syntax, so that parsing it gives an equal expression. */
    String toPatternText();

    /**
     * One comparison such as {@code file:hashes.MD5 = '...'} or {@code ipv4-addr:value NOT IN ('a', 'b')}.
     *
     * @param path the compared property
     * @param negated whether {@code NOT} precedes the operator
     * @param operator the operator
     * @param value the right-hand side, which is a {@link Literal.SetLiteral} exactly when the operator is IN
     */
    record Comparison(ObjectPath path, boolean negated, ComparisonOperator operator, Literal value)
            implements ComparisonExpression {

        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if ((operator == ComparisonOperator.IN) != (value instanceof Literal.SetLiteral)) {
                throw new IllegalArgumentException("IN takes a set literal and the other operators a single literal");
            }
        }

        @Override
        public String toPatternText() {
            return path + (negated ? " NOT " : " ") + operator.symbol() + " " + value.toPatternText();
        }
    }

    /** The test {@code EXISTS path}, which is true when the object has the property. */
    record Exists(ObjectPath path) implements ComparisonExpression {
        public Exists {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toPatternText() {
            return "EXISTS " + path;
        }
    }

    /**
     * Two or more comparison expressions joined by one operator, in pattern order. A chain such as
     * {@code a OR b OR c} is one junction with three operands.
     */
    record Junction(BooleanOperator operator, List<ComparisonExpression> operands) implements ComparisonExpression {
        public Junction {
            Objects.requireNonNull(operator, "operator");
            operands = List.copyOf(operands);
            if (operands.size() < 2) {
                throw new IllegalArgumentException("a junction needs at least two operands");
            }
        }

        @Override
        public String toPatternText() {
            return operands.stream()
                    .map(operand -> operand instanceof Junction ? "(" + operand.toPatternText() + ")"
                            : operand.toPatternText())
                    .collect(Collectors.joining(" " + operator + " "));
        }
    }
}
