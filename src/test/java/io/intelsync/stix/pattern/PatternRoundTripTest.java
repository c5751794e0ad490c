package io.intelsync.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generates random pattern trees, renders them with {@code toPatternText()} and checks that the parser
 * returns an equal tree. This covers every node and literal type, quoting of odd property names and
 * string values, and the parentheses that rendering must add.
 */
class PatternRoundTripTest {

    private static final int MAX_DEPTH = 3;
    private static final long MIN_EPOCH_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_EPOCH_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    // Edge cases would fill all tries with the smallest trees, so only random trees are generated.
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void generatedPatternRoundTrips(@ForAll("observationExpressions") ObservationExpression expression) {
        String text = expression.toPatternText();

        assertThat(PatternParser.parse(text)).as(text).isEqualTo(expression);
    }

    @Provide
    Arbitrary<ObservationExpression> observationExpressions() {
        return observations(MAX_DEPTH);
    }

    private Arbitrary<ObservationExpression> observations(int depth) {
        Arbitrary<ObservationExpression> leaf = comparisons(MAX_DEPTH).map(ObservationExpression.Observation::new);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ObservationExpression> junction = Combinators.combine(
                        Arbitraries.of(ObservationOperator.class), observations(depth - 1).list().ofMinSize(2).ofMaxSize(3))
                .as(ObservationExpression.Junction::new);
        Arbitrary<ObservationExpression> qualified = Combinators.combine(observations(depth - 1), qualifiers())
                .as(ObservationExpression.Qualified::new);
        return Arbitraries.oneOf(leaf, junction, qualified);
    }

    private Arbitrary<ComparisonExpression> comparisons(int depth) {
        Arbitrary<ComparisonExpression> leaf = Arbitraries.oneOf(comparison(), paths().map(ComparisonExpression.Exists::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ComparisonExpression> junction = Combinators.combine(
                        Arbitraries.of(BooleanOperator.class), comparisons(depth - 1).list().ofMinSize(2).ofMaxSize(3))
                .as(ComparisonExpression.Junction::new);
        return Arbitraries.oneOf(leaf, leaf, junction);
    }

    private Arbitrary<ComparisonExpression> comparison() {
        return Combinators.combine(paths(), Arbitraries.of(true, false), Arbitraries.of(ComparisonOperator.class))
                .flatAs((path, negated, operator) -> operand(operator)
                        .map(value -> new ComparisonExpression.Comparison(path, negated, operator, value)));
    }

    private Arbitrary<Literal> operand(ComparisonOperator operator) {
        return switch (operator) {
            case EQUAL, NOT_EQUAL -> primitiveLiterals();
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> orderableLiterals();
            case IN -> primitiveLiterals().list().ofMaxSize(4).map(Literal.SetLiteral::new);
            case LIKE, MATCHES, IS_SUBSET, IS_SUPERSET -> strings();
        };
    }

    private Arbitrary<ObjectPath> paths() {
        Arbitrary<String> types = Arbitraries.of("file", "ipv4-addr", "x-custom-type", "AND", "EXISTS", "t", "b_1");
        Arbitrary<ObjectPath.PathStep> later = Arbitraries.oneOf(
                propertyNames().map(ObjectPath.PathStep.Property::new),
                Arbitraries.integers().between(-5, 100).map(ObjectPath.PathStep.Index::new),
                Arbitraries.just(new ObjectPath.PathStep.AnyIndex()));
        return Combinators.combine(types, propertyNames(), later.list().ofMaxSize(3)).as((type, first, rest) -> {
            List<ObjectPath.PathStep> steps = new ArrayList<>();
            steps.add(new ObjectPath.PathStep.Property(first));
            steps.addAll(rest);
            return new ObjectPath(type, steps);
        });
    }

    private Arbitrary<String> propertyNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("value", "hashes", "MD5", "SHA-256", "windows-pebinary-ext", "a b", "it's", "back\\slash",
                        "NOT", "IN", "true", "t", "_x1"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
    }

    private Arbitrary<Literal> primitiveLiterals() {
        return Arbitraries.oneOf(orderableLiterals(), Arbitraries.of(true, false).map(Literal.BooleanLiteral::new));
    }

    private Arbitrary<Literal> orderableLiterals() {
        Arbitrary<Literal> integers = Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(Literal.IntegerLiteral::new);
        Arbitrary<Literal> floats = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 6))
                .as((unscaled, scale) -> new Literal.FloatLiteral(BigDecimal.valueOf(unscaled, scale)));
        Arbitrary<Literal> binaries = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12)
                .map(bytes -> new Literal.BinaryLiteral(Base64.getEncoder().encodeToString(bytes)));
        Arbitrary<Literal> hexes = Arbitraries.bytes().array(byte[].class).ofMaxSize(8)
                .map(bytes -> new Literal.HexLiteral(HexFormat.of().formatHex(bytes)));
        return Arbitraries.oneOf(strings(), integers, floats, binaries, hexes, timestamps());
    }

    private Arbitrary<Literal> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "'", "\\", "\\'", "http://example.com/evil.txt')", "ü €").map(Literal.StringLiteral::new),
                Arbitraries.strings().ofMaxLength(12).map(Literal.StringLiteral::new));
    }

    private Arbitrary<Literal> timestamps() {
        return instants().map(Literal.TimestampLiteral::new);
    }

    private Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND),
                        Arbitraries.of(0, 1_000_000, 500_000_000, 123_456_789))
                .as(Instant::ofEpochSecond);
    }

    private Arbitrary<Qualifier> qualifiers() {
        Arbitrary<Qualifier> within = Combinators.combine(Arbitraries.longs().between(0, 100_000),
                        Arbitraries.integers().between(0, 3))
                .as((unscaled, scale) -> new Qualifier.Within(BigDecimal.valueOf(unscaled, scale)));
        Arbitrary<Qualifier> repeats = Arbitraries.integers().between(0, 1000).map(Qualifier.Repeats::new);
        Arbitrary<Qualifier> window = Combinators.combine(instants(), Arbitraries.longs().between(1, 1_000_000_000L))
                .filter((start, length) -> start.getEpochSecond() + length <= MAX_EPOCH_SECOND)
                .as((start, length) -> new Qualifier.StartStop(start, start.plusSeconds(length)));
        return Arbitraries.oneOf(within, repeats, window);
    }
}
