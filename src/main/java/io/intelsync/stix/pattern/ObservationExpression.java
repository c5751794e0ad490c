package io.intelsync.stix.pattern;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A parsed STIX pattern or one part of it: observation expressions, their operators and qualifiers. */
public sealed interface ObservationExpression {

    /** Returns the expression in STIX pattern syntax, so that parsing it gives an equal expression. */
    String toPatternText();

    /** One bracketed observation expression, {@code [comparison]}. */
    record Observation(ComparisonExpression comparison) implements ObservationExpression {
        public Observation {
            Objects.requireNonNull(comparison, "comparison");
        }

        @Override
        public String toPatternText() {
            return "[" + comparison.toPatternText() + "]";
        }
    }

    /**
     * Two or more observation expressions joined by one operator, in pattern order. A chain such as
     * {@code [a] OR [b] OR [c]} is one junction with three operands.
     */
    record Junction(ObservationOperator operator, List<ObservationExpression> operands)
            implements ObservationExpression {

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

    /** An observation expression followed by one qualifier. */
    record Qualified(ObservationExpression expression, Qualifier qualifier) implements ObservationExpression {
        public Qualified {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(qualifier, "qualifier");
        }

        @Override
        public String toPatternText() {
            // The parser rejects two qualifiers of one kind in one chain unless parentheses separate them.
            boolean group = expression instanceof Junction || chainHasQualifier(expression, qualifier.getClass());
            String inner = expression.toPatternText();
            return (group ? "(" + inner + ")" : inner) + " " + qualifier.toPatternText();
        }

        private static boolean chainHasQualifier(ObservationExpression expression, Class<?> kind) {
            ObservationExpression current = expression;
            while (current instanceof Qualified qualified) {
                if (qualified.qualifier().getClass() == kind) {
                    return true;
                }
                current = qualified.expression();
            }
            return false;
        }
    }
}
