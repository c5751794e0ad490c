package io.intelsync.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.intelsync.stix.pattern.ComparisonExpression.Comparison;
import io.intelsync.stix.pattern.ObjectPath.PathStep;
import io.intelsync.stix.pattern.ObservationExpression.Observation;

class PatternParserTest {

    private static Comparison comparison(String pattern) {
        ObservationExpression expression = PatternParser.parse(pattern);
        assertThat(expression).isInstanceOf(Observation.class);
        ComparisonExpression inner = ((Observation) expression).comparison();
        assertThat(inner).isInstanceOf(Comparison.class);
        return (Comparison) inner;
    }

    private static Comparison equal(String type, String property, String value) {
        return new Comparison(new ObjectPath(type, List.of(new PathStep.Property(property))), false,
                ComparisonOperator.EQUAL, new Literal.StringLiteral(value));
    }

    private static Observation observation(ComparisonExpression comparison) {
        return new Observation(comparison);
    }

    @Test
    void simpleComparison() {
        Comparison parsed = comparison("[ipv4-addr:value = '198.51.100.1']");

        assertThat(parsed).isEqualTo(equal("ipv4-addr", "value", "198.51.100.1"));
    }

    @Test
    void comparisonAndBindsTighterThanOr() {
        ObservationExpression parsed = PatternParser.parse("[a:x = 'a' OR a:y = 'b' AND a:z = 'c']");

        ComparisonExpression expected = new ComparisonExpression.Junction(BooleanOperator.OR, List.of(
                equal("a", "x", "a"),
                new ComparisonExpression.Junction(BooleanOperator.AND, List.of(equal("a", "y", "b"), equal("a", "z", "c")))));
        assertThat(parsed).isEqualTo(observation(expected));
    }

    @Test
    void comparisonParenthesesGroup() {
        ObservationExpression parsed = PatternParser.parse("[(a:x = 'a' OR a:y = 'b') AND a:z = 'c']");

        ComparisonExpression expected = new ComparisonExpression.Junction(BooleanOperator.AND, List.of(
                new ComparisonExpression.Junction(BooleanOperator.OR, List.of(equal("a", "x", "a"), equal("a", "y", "b"))),
                equal("a", "z", "c")));
        assertThat(parsed).isEqualTo(observation(expected));
    }

    @Test
    void comparisonChainIsOneJunction() {
        ObservationExpression parsed = PatternParser.parse("[a:x = '1' OR a:x = '2' OR a:x = '3']");

        assertThat(parsed).isEqualTo(observation(new ComparisonExpression.Junction(BooleanOperator.OR,
                List.of(equal("a", "x", "1"), equal("a", "x", "2"), equal("a", "x", "3")))));
    }

    @Test
    void observationPrecedence() {
        ObservationExpression parsed = PatternParser.parse(
                "[a:x = '1'] FOLLOWEDBY [a:x = '2'] OR [a:x = '3'] AND [a:x = '4']");

        ObservationExpression expected = new ObservationExpression.Junction(ObservationOperator.FOLLOWEDBY, List.of(
                observation(equal("a", "x", "1")),
                new ObservationExpression.Junction(ObservationOperator.OR, List.of(
                        observation(equal("a", "x", "2")),
                        new ObservationExpression.Junction(ObservationOperator.AND, List.of(
                                observation(equal("a", "x", "3")), observation(equal("a", "x", "4"))))))));
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void observationParenthesesGroup() {
        ObservationExpression parsed = PatternParser.parse("([a:x = '1'] OR [a:x = '2']) AND [a:x = '3']");

        ObservationExpression expected = new ObservationExpression.Junction(ObservationOperator.AND, List.of(
                new ObservationExpression.Junction(ObservationOperator.OR,
                        List.of(observation(equal("a", "x", "1")), observation(equal("a", "x", "2")))),
                observation(equal("a", "x", "3"))));
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void qualifierBindsToPrecedingExpression() {
        ObservationExpression parsed = PatternParser.parse("[a:x = '1'] OR [a:x = '2'] WITHIN 300 SECONDS");

        ObservationExpression expected = new ObservationExpression.Junction(ObservationOperator.OR, List.of(
                observation(equal("a", "x", "1")),
                new ObservationExpression.Qualified(observation(equal("a", "x", "2")),
                        new Qualifier.Within(new BigDecimal(300)))));
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void qualifierChain() {
        ObservationExpression parsed = PatternParser.parse(
                "[a:x = '1'] REPEATS 5 TIMES WITHIN 1.5 SECONDS START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'");

        ObservationExpression expected = new ObservationExpression.Qualified(
                new ObservationExpression.Qualified(
                        new ObservationExpression.Qualified(observation(equal("a", "x", "1")), new Qualifier.Repeats(5)),
                        new Qualifier.Within(new BigDecimal("1.5"))),
                new Qualifier.StartStop(Instant.parse("2016-06-01T00:00:00Z"), Instant.parse("2016-07-01T00:00:00Z")));
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void qualifierOnGroup() {
        ObservationExpression parsed = PatternParser.parse("([a:x = '1'] FOLLOWEDBY [a:x = '2']) WITHIN 60 SECONDS");

        assertThat(parsed).isInstanceOf(ObservationExpression.Qualified.class);
        ObservationExpression.Qualified qualified = (ObservationExpression.Qualified) parsed;
        assertThat(qualified.expression()).isInstanceOf(ObservationExpression.Junction.class);
        assertThat(qualified.qualifier()).isEqualTo(new Qualifier.Within(new BigDecimal(60)));
    }

    @Test
    void startStopAcceptsPlainStrings() {
        ObservationExpression parsed = PatternParser.parse(
                "[a:x = '1'] START '2016-06-01T00:00:00Z' STOP '2016-07-01T00:00:00Z'");

        assertThat(((ObservationExpression.Qualified) parsed).qualifier()).isEqualTo(
                new Qualifier.StartStop(Instant.parse("2016-06-01T00:00:00Z"), Instant.parse("2016-07-01T00:00:00Z")));
    }

    @Test
    void repeatedQualifierInParentheses() {
        ObservationExpression parsed = PatternParser.parse("([a:x = '1'] WITHIN 5 SECONDS) WITHIN 6 SECONDS");

        ObservationExpression expected = new ObservationExpression.Qualified(
                new ObservationExpression.Qualified(observation(equal("a", "x", "1")),
                        new Qualifier.Within(new BigDecimal(5))),
                new Qualifier.Within(new BigDecimal(6)));
        assertThat(parsed).isEqualTo(expected);
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                Arguments.of("=", ComparisonOperator.EQUAL),
                Arguments.of("==", ComparisonOperator.EQUAL),
                Arguments.of("!=", ComparisonOperator.NOT_EQUAL),
                Arguments.of("<>", ComparisonOperator.NOT_EQUAL),
                Arguments.of("<", ComparisonOperator.LESS_THAN),
                Arguments.of("<=", ComparisonOperator.LESS_THAN_OR_EQUAL),
                Arguments.of(">", ComparisonOperator.GREATER_THAN),
                Arguments.of(">=", ComparisonOperator.GREATER_THAN_OR_EQUAL),
                Arguments.of("LIKE", ComparisonOperator.LIKE),
                Arguments.of("MATCHES", ComparisonOperator.MATCHES),
                Arguments.of("ISSUBSET", ComparisonOperator.IS_SUBSET),
                Arguments.of("ISSUPERSET", ComparisonOperator.IS_SUPERSET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void operatorParses(String symbol, ComparisonOperator expected) {
        Comparison plain = comparison("[a:x " + symbol + " 'v']");
        Comparison negated = comparison("[a:x NOT " + symbol + " 'v']");

        assertThat(plain.operator()).isEqualTo(expected);
        assertThat(plain.negated()).isFalse();
        assertThat(negated.operator()).isEqualTo(expected);
        assertThat(negated.negated()).isTrue();
    }

    @Test
    void inWithSet() {
        Comparison parsed = comparison("[ipv4-addr:value NOT IN ('198.51.100.1', '198.51.100.2')]");

        assertThat(parsed.operator()).isEqualTo(ComparisonOperator.IN);
        assertThat(parsed.negated()).isTrue();
        assertThat(parsed.value()).isEqualTo(new Literal.SetLiteral(List.of(
                new Literal.StringLiteral("198.51.100.1"), new Literal.StringLiteral("198.51.100.2"))));
    }

    @Test
    void inWithEmptyAndMixedSets() {
        assertThat(comparison("[a:x IN ()]").value()).isEqualTo(new Literal.SetLiteral(List.of()));
        assertThat(comparison("[a:x IN(1,-2, 'x',true)]").value()).isEqualTo(new Literal.SetLiteral(List.of(
                new Literal.IntegerLiteral(BigInteger.ONE), new Literal.IntegerLiteral(BigInteger.valueOf(-2)),
                new Literal.StringLiteral("x"), new Literal.BooleanLiteral(true))));
    }

    @Test
    void existsTest() {
        ObservationExpression parsed = PatternParser.parse("[EXISTS file:name]");

        assertThat(parsed).isEqualTo(observation(new ComparisonExpression.Exists(
                new ObjectPath("file", List.of(new PathStep.Property("name"))))));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("'plain'", new Literal.StringLiteral("plain")),
                Arguments.of("''", new Literal.StringLiteral("")),
                Arguments.of("'it\\'s'", new Literal.StringLiteral("it's")),
                Arguments.of("'C:\\\\Windows\\\\System32'", new Literal.StringLiteral("C:\\Windows\\System32")),
                Arguments.of("'\\\\\\''", new Literal.StringLiteral("\\'")),
                Arguments.of("'üñí €'", new Literal.StringLiteral("üñí €")),
                Arguments.of("42", new Literal.IntegerLiteral(BigInteger.valueOf(42))),
                Arguments.of("+42", new Literal.IntegerLiteral(BigInteger.valueOf(42))),
                Arguments.of("-7", new Literal.IntegerLiteral(BigInteger.valueOf(-7))),
                Arguments.of("0", new Literal.IntegerLiteral(BigInteger.ZERO)),
                Arguments.of("123456789012345678901234567890",
                        new Literal.IntegerLiteral(new BigInteger("123456789012345678901234567890"))),
                Arguments.of("7.0", new Literal.FloatLiteral(new BigDecimal("7.0"))),
                Arguments.of(".5", new Literal.FloatLiteral(new BigDecimal("0.5"))),
                Arguments.of("-0.25", new Literal.FloatLiteral(new BigDecimal("-0.25"))),
                Arguments.of("true", new Literal.BooleanLiteral(true)),
                Arguments.of("false", new Literal.BooleanLiteral(false)),
                Arguments.of("b'dGhpcyBpcyBhIHRlc3Q='", new Literal.BinaryLiteral("dGhpcyBpcyBhIHRlc3Q=")),
                Arguments.of("b'YWI='", new Literal.BinaryLiteral("YWI=")),
                Arguments.of("h'ffd8'", new Literal.HexLiteral("ffd8")),
                Arguments.of("h''", new Literal.HexLiteral("")),
                Arguments.of("t'2018-03-22T12:11:14.1Z'",
                        new Literal.TimestampLiteral(Instant.parse("2018-03-22T12:11:14.100Z"))),
                Arguments.of("t'2016-02-29T00:00:00Z'", new Literal.TimestampLiteral(Instant.parse("2016-02-29T00:00:00Z"))),
                Arguments.of("t'2016-12-31T23:59:60Z'", new Literal.TimestampLiteral(Instant.parse("2017-01-01T00:00:00Z"))),
                Arguments.of("t'2016-01-01T00:00:00.1234567891Z'",
                        new Literal.TimestampLiteral(Instant.parse("2016-01-01T00:00:00.123456789Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literals")
    void literalParses(String text, Literal expected) {
        assertThat(comparison("[a:x = " + text + "]").value()).isEqualTo(expected);
    }

    @Test
    void binaryAndHexDecode() {
        Literal.BinaryLiteral binary = (Literal.BinaryLiteral) comparison("[a:x = b'YWI=']").value();
        Literal.HexLiteral hex = (Literal.HexLiteral) comparison("[a:x = h'FFd8']").value();

        assertThat(binary.bytes()).containsExactly('a', 'b');
        assertThat(hex.bytes()).containsExactly((byte) 0xff, (byte) 0xd8);
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("file:hashes.'SHA-256'",
                        new ObjectPath("file", List.of(new PathStep.Property("hashes"), new PathStep.Property("SHA-256")))),
                Arguments.of("file:hashes.MD5",
                        new ObjectPath("file", List.of(new PathStep.Property("hashes"), new PathStep.Property("MD5")))),
                Arguments.of("windows-registry-key:values[*].data",
                        new ObjectPath("windows-registry-key", List.of(new PathStep.Property("values"),
                                new PathStep.AnyIndex(), new PathStep.Property("data")))),
                Arguments.of("x-custom:list[-1].items[0]",
                        new ObjectPath("x-custom", List.of(new PathStep.Property("list"), new PathStep.Index(-1),
                                new PathStep.Property("items"), new PathStep.Index(0)))),
                Arguments.of("file:extensions.'windows-pebinary-ext'.sections[*].entropy",
                        new ObjectPath("file", List.of(new PathStep.Property("extensions"),
                                new PathStep.Property("windows-pebinary-ext"), new PathStep.Property("sections"),
                                new PathStep.AnyIndex(), new PathStep.Property("entropy")))),
                // Lenient: an unquoted property name with hyphens, as STIX 2.0 examples write it.
                Arguments.of("file:extensions.windows-pebinary-ext.sections[*].entropy",
                        new ObjectPath("file", List.of(new PathStep.Property("extensions"),
                                new PathStep.Property("windows-pebinary-ext"), new PathStep.Property("sections"),
                                new PathStep.AnyIndex(), new PathStep.Property("entropy")))),
                Arguments.of("x-custom:'first name'",
                        new ObjectPath("x-custom", List.of(new PathStep.Property("first name")))),
                Arguments.of("x-custom:IN",
                        new ObjectPath("x-custom", List.of(new PathStep.Property("IN")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void objectPathParses(String text, ObjectPath expected) {
        assertThat(comparison("[" + text + " = 'v']").path()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[a:x='v']",
        "  [ a:x  =  'v' ]  ",
        "\t[a:x =\n'v']\r\n",
        "\u00a0[a:x = 'v']\u3000",
        "/* leading */ [a:x = 'v'] // trailing",
        "[a:x /* inside */ = 'v']",
        "[a:x MATCHES'v']",
        "[a:x IN('v')]",
        "([a:x = 'v'])",
        "(([a:x = 'v']))",
        "[((a:x = 'v'))]"})
    void whitespaceCommentsAndGrouping(String pattern) {
        ObservationExpression parsed = PatternParser.parse(pattern);

        assertThat(parsed).isInstanceOf(Observation.class);
    }

    @Test
    void urlWithEscapedQuote() {
        Comparison parsed = comparison("[url:value = 'http://example.com/evil.txt\\')']");

        assertThat(parsed.value()).isEqualTo(new Literal.StringLiteral("http://example.com/evil.txt')"));
    }

    static Stream<Arguments> invalidPatterns() {
        return Stream.of(
                Arguments.of("", 0, "the pattern is empty"),
                Arguments.of("   ", 0, "the pattern is empty"),
                Arguments.of("/* only a comment */", 20, "expected '[' or '(' but found end of input"),
                Arguments.of("[file:name = 'x'", 16, "expected ']' but found end of input"),
                Arguments.of("[file:name = 'abc]", 13, "unterminated string literal"),
                Arguments.of("[file:name = 'abc\\']", 13, "unterminated string literal"),
                Arguments.of("[file:name = 'a\\nb']", 15,
                        "invalid escape sequence '\\n' in a string literal; only \\' and \\\\ are allowed"),
                Arguments.of("[file:name = 'x'] extra", 18,
                        "expected AND, OR, FOLLOWEDBY or a qualifier but found 'extra'"),
                Arguments.of("[file:name = 'x']]", 17, "expected AND, OR, FOLLOWEDBY or a qualifier but found ']'"),
                Arguments.of("[file:created = t'2016-13-01T00:00:00Z']", 16,
                        "invalid timestamp '2016-13-01T00:00:00Z': month must be 01 to 12"),
                Arguments.of("[file:created = t'2015-02-29T00:00:00Z']", 16,
                        "invalid timestamp '2015-02-29T00:00:00Z': day 29 does not exist in 2015-02"),
                Arguments.of("[file:created = t'2016-01-01T24:00:00Z']", 16,
                        "invalid timestamp '2016-01-01T24:00:00Z': hour must be 00 to 23"),
                Arguments.of("[file:created = t'2016-01-01T00:00:00+01:00']", 16,
                        "invalid timestamp '2016-01-01T00:00:00+01:00': expected the form YYYY-MM-DDTHH:MM:SS[.fraction]Z"),
                Arguments.of("[file:created = t'2016-01-01 00:00:00Z']", 16,
                        "invalid timestamp '2016-01-01 00:00:00Z': expected the form YYYY-MM-DDTHH:MM:SS[.fraction]Z"),
                Arguments.of("[file:created = t'2016-01-01T00:00:00.Z']", 16,
                        "invalid timestamp '2016-01-01T00:00:00.Z': expected the form YYYY-MM-DDTHH:MM:SS[.fraction]Z"),
                Arguments.of("[file:created = t'2016-01-01T00:00:00Z", 16, "unterminated timestamp literal"),
                Arguments.of("[ipv4-addr:value IN '198.51.100.1']", 20,
                        "expected '(' after IN but found '198.51.100.1'"),
                Arguments.of("[ipv4-addr:value IN ('198.51.100.1' '198.51.100.2')]", 36,
                        "expected ',' or ')' in the IN list but found '198.51.100.2'"),
                Arguments.of("[]", 1, "expected an object path or '(' but found ']'"),
                Arguments.of("file:size = 1280", 0, "expected '[' or '(' but found 'file'"),
                Arguments.of("[file:size = ]", 13, "expected a literal value after = but found ']'"),
                Arguments.of("[file.size = 1280]", 5, "expected ':' after the object type but found '.'"),
                Arguments.of("[file:hashes.MD5 = cead3f77]", 19, "expected a literal value after = but found 'cead3f77'"),
                Arguments.of("[file:name MATCHES 5]", 19, "expected a string literal after MATCHES but found '5'"),
                Arguments.of("[file:size < true]", 13,
                        "expected a string, number, binary, hex or timestamp literal after < but found 'true'"),
                Arguments.of("[file:size NOT]", 14, "expected a comparison operator after NOT but found ']'"),
                Arguments.of("[file:hashes.MD5 =? 'x']", 18, "unexpected character '?'"),
                Arguments.of("[file:name = 'x' & file:size = 1]", 17, "unexpected character '&'"),
                Arguments.of("[a:x = 'v'] WITHIN 5 HOURS", 21, "expected SECONDS but found 'HOURS'"),
                Arguments.of("[a:x = 'v'] WITHIN -5 SECONDS", 19,
                        "expected a positive number of seconds but found '-5'"),
                Arguments.of("[a:x = 'v'] WITHIN SECONDS", 19,
                        "expected a positive number of seconds but found 'SECONDS'"),
                Arguments.of("[a:x = 'v'] WITHIN t'2016-01-01T00:00:00Z' SECONDS", 19,
                        "expected a positive number of seconds but found t'2016-01-01T00:00:00Z'"),
                Arguments.of("[a:x = 'v'] REPEATS 2.5 TIMES", 20,
                        "expected a positive whole number of repetitions but found '2.5'"),
                Arguments.of("[a:x = 'v'] within 5 seconds", 12,
                        "expected AND, OR, FOLLOWEDBY or a qualifier but found 'within' (keywords are upper case)"),
                Arguments.of("[a:x = 'v' or a:y = 'w']", 11, "expected ']' but found 'or' (keywords are upper case)"),
                Arguments.of("[a:x = TRUE]", 7, "expected a literal value after = but found 'TRUE' (booleans are lower case)"),
                Arguments.of("[a:x = b'====']", 7, "invalid binary literal b'====': expected base64 text in groups of four"),
                Arguments.of("[a:x = b'abc']", 7, "invalid binary literal b'abc': expected base64 text in groups of four"),
                Arguments.of("[a:x = h'abc']", 7, "invalid hex literal h'abc': expected an even number of hex digits"),
                Arguments.of("[a:x = h'zz']", 7, "invalid hex literal h'zz': expected an even number of hex digits"),
                Arguments.of("[a:x = 007]", 7, "invalid integer '007': leading zeros are not allowed"),
                Arguments.of("[a:x = 1.]", 7, "invalid number '1.': a digit must follow the decimal point"),
                Arguments.of("[a:x = -]", 7, "unexpected character '-'"),
                Arguments.of("[a:x = 'v'] WITHIN 5 SECONDS WITHIN 6 SECONDS", 29,
                        "duplicate WITHIN qualifier on one observation expression; use parentheses to apply it twice"),
                Arguments.of("[a:x = 'v'] START t'2016-06-01T02:00:00Z' STOP t'2016-06-01T01:00:00Z'", 47,
                        "STOP time 2016-06-01T01:00:00Z must be later than START time 2016-06-01T02:00:00Z"),
                Arguments.of("[a:x = 'v'] START t'2016-06-01T02:00:00Z'", 41, "expected STOP but found end of input"),
                Arguments.of("[a:x = 'v'] START 5 STOP 6", 18, "expected a timestamp literal after START but found '5'"),
                Arguments.of("[a:x = 'v'] START 'yesterday' STOP 'today'", 18,
                        "invalid START timestamp 'yesterday': expected the form YYYY-MM-DDTHH:MM:SS[.fraction]Z"),
                Arguments.of("[a:x = 'v'] FOLLOWEDBY", 22, "expected '[' or '(' but found end of input"),
                Arguments.of("[a:x = 'v'] AND", 15, "expected '[' or '(' but found end of input"),
                Arguments.of("[a:x = 'v' OR]", 13, "expected an object path or '(' but found ']'"),
                Arguments.of("[(a:x = 'v']", 11, "expected ')' but found ']'"),
                Arguments.of("([a:x = 'v']", 12, "expected ')' but found end of input"),
                Arguments.of("[a:x[y] = 'v']", 5, "expected a list index or '*' but found 'y'"),
                Arguments.of("[a:x[0 = 'v']", 7, "expected ']' after the list index but found '='"),
                Arguments.of("[a:'' = 'v']", 3, "a property name must not be empty"),
                Arguments.of("[a: = 'v']", 4, "expected a property name but found '='"),
                Arguments.of("[a:x = 'v'] /* open", 12, "unterminated comment"),
                Arguments.of("[a:x = 'v']\u0000", 11, "unexpected character '\\u0000'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidPatterns")
    void invalidPatternRejected(String pattern, int position, String reason) {
        PatternParseException error = catchThrowableOfType(PatternParseException.class, () -> PatternParser.parse(pattern));

        assertThat(error).as("exception for %s", pattern).isNotNull();
        assertThat(error.reason()).startsWith(reason);
        assertThat(error.position()).isEqualTo(position);
        assertThat(error.getMessage()).isEqualTo("Invalid STIX pattern at position " + position + ": " + error.reason());
    }

    @Test
    void nestingLimitAccepted() {
        int depth = PatternParser.MAX_NESTING_DEPTH;
        String pattern = "(".repeat(depth - 1) + "[a:x = 'v']" + ")".repeat(depth - 1);

        assertThat(PatternParser.parse(pattern)).isEqualTo(observation(equal("a", "x", "v")));
    }

    @Test
    void nestingLimitExceeded() {
        int depth = PatternParser.MAX_NESTING_DEPTH;
        String pattern = "[" + "(".repeat(depth) + "a:x = 'v'" + ")".repeat(depth) + "]";

        PatternParseException error = catchThrowableOfType(PatternParseException.class, () -> PatternParser.parse(pattern));

        assertThat(error.position()).isEqualTo(depth);
        assertThat(error.reason()).isEqualTo("brackets and parentheses are nested deeper than 100 levels");
    }

    @Test
    void manyOrsParse() {
        StringBuilder pattern = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            pattern.append(i == 0 ? "" : " OR ").append("file:hashes.MD5 = '").append(String.format("%032x", i)).append('\'');
        }
        pattern.append(']');

        ObservationExpression parsed = PatternParser.parse(pattern.toString());

        ComparisonExpression comparison = ((Observation) parsed).comparison();
        assertThat(((ComparisonExpression.Junction) comparison).operands()).hasSize(5000);
    }

    @Test
    void nullPatternRejected() {
        assertThatThrownBy(() -> PatternParser.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:size > 1024]",
        "[a:x = 'v'] AND ([b:y != 2] OR [c:z <= 3.5]) FOLLOWEDBY [d:w IN ('p', 'q')] WITHIN 10 SECONDS",
        "([a:x = 'v'] REPEATS 2 TIMES) REPEATS 3 TIMES",
        "[a:x NOT LIKE 'p%' AND (a:y MATCHES '^x\\\\d+$' OR EXISTS a:z)] "
                + "START t'2020-01-01T00:00:00Z' STOP t'2021-01-01T00:00:00.5Z'",
        "[a:x ISSUBSET '198.51.100.0/24' OR a:x NOT ISSUPERSET '198.51.100.0/24']",
        "[a:'odd name'[3].'it\\'s' = b'AAAA' AND a:h = h'00ff' AND a:t = t'2016-01-01T00:00:00Z' AND a:b = false]",
        "[file:extensions.windows-pebinary-ext.sections[*].entropy > 7.0]"})
    void patternTextRoundTrips(String pattern) {
        ObservationExpression parsed = PatternParser.parse(pattern);

        assertThat(PatternParser.parse(parsed.toPatternText())).isEqualTo(parsed);
    }
}
