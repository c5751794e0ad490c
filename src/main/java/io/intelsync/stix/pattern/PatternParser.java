package io.intelsync.stix.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for STIX 2.1 patterns.
 *
 * <p>Operator precedence, from tightest to loosest:
 * <ul>
 *   <li>Inside brackets, {@code AND} binds tighter than {@code OR}, so {@code a OR b AND c} is
 *       {@code a OR (b AND c)}.</li>
 *   <li>Between observation expressions, a qualifier ({@code WITHIN}, {@code REPEATS} or
 *       {@code START ... STOP}) binds to the bracketed or parenthesised expression just before it. Then
 *       come {@code AND}, {@code OR} and {@code FOLLOWEDBY}, in that order.</li>
 * </ul>
 * A chain of one operator becomes one {@code Junction} node with all operands in order, and
 * parentheses make a nested node.
 *
 * <p>The parser follows the STIX 2.1 grammar, including case-sensitive upper-case keywords and the
 * lower-case booleans {@code true} and {@code false}, with these deliberate differences:
 * <ul>
 *   <li>Unquoted property names may contain hyphens, as in {@code file:extensions.windows-pebinary-ext}.
 *       STIX 2.0 examples write them that way and the grammar has no other reading for them.</li>
 *   <li>{@code START} and {@code STOP} also accept a plain string holding a timestamp, the STIX 2.0 form.</li>
 *   <li>Property names that look like keywords ({@code x-custom:IN}) are accepted where a name is expected.</li>
 *   <li>Brackets and parentheses may nest at most {@value #MAX_NESTING_DEPTH} levels deep, which bounds
 *       the recursion depth of the parser and of code that walks the result.</li>
 * </ul>
 * As in the OASIS pattern validator, one observation expression may not carry two qualifiers of the
 * same kind unless parentheses separate them, and {@code STOP} must be later than {@code START}.
 *
 * <p>Instances are single-use and not thread-safe. {@link #parse(String)} creates one per call, so the
 * static method is safe to call from any number of threads.
 */
public final class PatternParser {

    /** Maximum depth of nested brackets and parentheses. */
    public static final int MAX_NESTING_DEPTH = 100;

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES",
            "ISSUPERSET", "ISSUBSET", "EXISTS", "IN", "START", "STOP", "SECONDS", "WITHIN", "REPEATS", "TIMES");

    private final PatternLexer lexer;
    private Token current;
    private Token lookahead;
    private int depth;

    private PatternParser(String pattern) {
        this.lexer = new PatternLexer(pattern);
        this.current = lexer.next();
    }

    /**
     * Parses a complete STIX 2.1 pattern.
     *
     * @throws PatternParseException if the pattern is empty or does not follow the grammar
     */
    public static ObservationExpression parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank()) {
            throw new PatternParseException(0, "the pattern is empty");
        }
        PatternParser parser = new PatternParser(pattern);
        ObservationExpression expression = parser.parseObservationExpressions();
        if (parser.current.type() != TokenType.END) {
            throw parser.unexpected("AND, OR, FOLLOWEDBY or a qualifier");
        }
        return expression;
    }

    private ObservationExpression parseObservationExpressions() {
        return observationChain(ObservationOperator.FOLLOWEDBY, this::parseObservationOr);
    }

    private ObservationExpression parseObservationOr() {
        return observationChain(ObservationOperator.OR, this::parseObservationAnd);
    }

    private ObservationExpression parseObservationAnd() {
        return observationChain(ObservationOperator.AND, this::parseQualifiedObservation);
    }

    private ObservationExpression observationChain(ObservationOperator operator,
            Supplier<ObservationExpression> operandParser) {
        ObservationExpression first = operandParser.get();
        if (!atKeyword(operator.name())) {
            return first;
        }
        List<ObservationExpression> operands = new ArrayList<>();
        operands.add(first);
        while (atKeyword(operator.name())) {
            advance();
            operands.add(operandParser.get());
        }
        return new ObservationExpression.Junction(operator, operands);
    }

    private ObservationExpression parseQualifiedObservation() {
        ObservationExpression expression = parseObservationPrimary();
        Set<Class<?>> kinds = new HashSet<>();
        while (true) {
            Token keyword = current;
            Qualifier qualifier;
            if (atKeyword("WITHIN")) {
                qualifier = parseWithin();
            } else if (atKeyword("REPEATS")) {
                qualifier = parseRepeats();
            } else if (atKeyword("START")) {
                qualifier = parseStartStop();
            } else {
                return expression;
            }
            if (!kinds.add(qualifier.getClass())) {
                throw new PatternParseException(keyword.position(), "duplicate " + keyword.text()
                        + " qualifier on one observation expression; use parentheses to apply it twice");
            }
            expression = new ObservationExpression.Qualified(expression, qualifier);
        }
    }

    private ObservationExpression parseObservationPrimary() {
        Token open = current;
        if (open.type() == TokenType.LEFT_BRACKET) {
            enterNesting(open);
            advance();
            ComparisonExpression comparison = parseComparisonOr();
            expect(TokenType.RIGHT_BRACKET, "']'");
            depth--;
            return new ObservationExpression.Observation(comparison);
        }
        if (open.type() == TokenType.LEFT_PAREN) {
            enterNesting(open);
            advance();
            ObservationExpression expression = parseObservationExpressions();
            expect(TokenType.RIGHT_PAREN, "')'");
            depth--;
            return expression;
        }
        throw unexpected("'[' or '('");
    }

    private Qualifier parseWithin() {
        advance();
        Token amount = current;
        boolean number = amount.type() == TokenType.INTEGER || amount.type() == TokenType.FLOAT;
        if (!number || amount.text().startsWith("-")) {
            throw unexpected("a positive number of seconds");
        }
        advance();
        expectKeyword("SECONDS");
        BigDecimal seconds = amount.literal() instanceof Literal.IntegerLiteral integer
                ? new BigDecimal(integer.value()) : ((Literal.FloatLiteral) amount.literal()).value();
        return new Qualifier.Within(seconds);
    }

    private Qualifier parseRepeats() {
        advance();
        Token count = current;
        if (count.type() != TokenType.INTEGER || count.text().startsWith("-")) {
            throw unexpected("a positive whole number of repetitions");
        }
        BigInteger value = ((Literal.IntegerLiteral) count.literal()).value();
        if (value.bitLength() > 31) {
            throw new PatternParseException(count.position(), "REPEATS count " + count.describe() + " is too large");
        }
        advance();
        expectKeyword("TIMES");
        return new Qualifier.Repeats(value.intValueExact());
    }

    private Qualifier parseStartStop() {
        advance();
        Instant start = parseQualifierTimestamp("START");
        expectKeyword("STOP");
        Token stopToken = current;
        Instant stop = parseQualifierTimestamp("STOP");
        if (!stop.isAfter(start)) {
            throw new PatternParseException(stopToken.position(), "STOP time " + stop
                    + " must be later than START time " + start);
        }
        return new Qualifier.StartStop(start, stop);
    }

    private Instant parseQualifierTimestamp(String keyword) {
        Token token = current;
        Instant value;
        if (token.literal() instanceof Literal.TimestampLiteral timestamp) {
            value = timestamp.value();
        } else if (token.literal() instanceof Literal.StringLiteral string) {
            try {
                value = Timestamps.parse(string.value());
            } catch (IllegalArgumentException e) {
                throw new PatternParseException(token.position(), "invalid " + keyword + " timestamp "
                        + token.describe() + ": " + e.getMessage());
            }
        } else {
            throw unexpected("a timestamp literal after " + keyword);
        }
        advance();
        return value;
    }

    private ComparisonExpression parseComparisonOr() {
        return comparisonChain(BooleanOperator.OR, this::parseComparisonAnd);
    }

    private ComparisonExpression parseComparisonAnd() {
        return comparisonChain(BooleanOperator.AND, this::parseComparisonPrimary);
    }

    private ComparisonExpression comparisonChain(BooleanOperator operator,
            Supplier<ComparisonExpression> operandParser) {
        ComparisonExpression first = operandParser.get();
        if (!atKeyword(operator.name())) {
            return first;
        }
        List<ComparisonExpression> operands = new ArrayList<>();
        operands.add(first);
        while (atKeyword(operator.name())) {
            advance();
            operands.add(operandParser.get());
        }
        return new ComparisonExpression.Junction(operator, operands);
    }

    private ComparisonExpression parseComparisonPrimary() {
        Token start = current;
        if (start.type() == TokenType.LEFT_PAREN) {
            enterNesting(start);
            advance();
            ComparisonExpression expression = parseComparisonOr();
            expect(TokenType.RIGHT_PAREN, "')'");
            depth--;
            return expression;
        }
        if (atKeyword("EXISTS") && peek().type() != TokenType.COLON) {
            advance();
            return new ComparisonExpression.Exists(parseObjectPath());
        }
        if (start.type() != TokenType.IDENTIFIER) {
            throw unexpected("an object path or '('");
        }

        ObjectPath path = parseObjectPath();
        boolean negated = false;
        if (atKeyword("NOT")) {
            negated = true;
            advance();
        }
        ComparisonOperator operator = comparisonOperator(current);
        if (operator == null) {
            throw unexpected(negated ? "a comparison operator after NOT" : "a comparison operator");
        }
        advance();

        Literal value = switch (operator) {
            case EQUAL, NOT_EQUAL -> parsePrimitiveLiteral(operator);
            case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> parseOrderableLiteral(operator);
            case IN -> parseSetLiteral();
            case LIKE, MATCHES, IS_SUBSET, IS_SUPERSET -> parseStringLiteral(operator);
        };
        return new ComparisonExpression.Comparison(path, negated, operator, value);
    }

    private static ComparisonOperator comparisonOperator(Token token) {
        return switch (token.type()) {
            case EQUAL -> ComparisonOperator.EQUAL;
            case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
            case LESS_THAN -> ComparisonOperator.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> ComparisonOperator.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            case IDENTIFIER -> switch (token.text()) {
                case "IN" -> ComparisonOperator.IN;
                case "LIKE" -> ComparisonOperator.LIKE;
                case "MATCHES" -> ComparisonOperator.MATCHES;
                case "ISSUBSET" -> ComparisonOperator.IS_SUBSET;
                case "ISSUPERSET" -> ComparisonOperator.IS_SUPERSET;
                default -> null;
            };
            default -> null;
        };
    }

    private ObjectPath parseObjectPath() {
        Token type = current;
        if (type.type() != TokenType.IDENTIFIER) {
            throw unexpected("an object type");
        }
        advance();
        expect(TokenType.COLON, "':' after the object type");
        List<ObjectPath.PathStep> steps = new ArrayList<>();
        steps.add(parsePropertyName());
        while (true) {
            if (current.type() == TokenType.DOT) {
                advance();
                steps.add(parsePropertyName());
            } else if (current.type() == TokenType.LEFT_BRACKET) {
                advance();
                steps.add(parseIndex());
                expect(TokenType.RIGHT_BRACKET, "']' after the list index");
            } else {
                return new ObjectPath(type.text(), steps);
            }
        }
    }

    private ObjectPath.PathStep parsePropertyName() {
        Token name = current;
        String value;
        if (name.type() == TokenType.IDENTIFIER) {
            value = name.text();
        } else if (name.literal() instanceof Literal.StringLiteral string) {
            value = string.value();
            if (value.isEmpty()) {
                throw new PatternParseException(name.position(), "a property name must not be empty");
            }
        } else {
            throw unexpected("a property name");
        }
        advance();
        return new ObjectPath.PathStep.Property(value);
    }

    private ObjectPath.PathStep parseIndex() {
        Token index = current;
        if (index.type() == TokenType.ASTERISK) {
            advance();
            return new ObjectPath.PathStep.AnyIndex();
        }
        if (index.type() != TokenType.INTEGER) {
            throw unexpected("a list index or '*'");
        }
        BigInteger value = ((Literal.IntegerLiteral) index.literal()).value();
        if (value.bitLength() > 31) {
            throw new PatternParseException(index.position(), "list index " + index.describe() + " is too large");
        }
        advance();
        return new ObjectPath.PathStep.Index(value.intValueExact());
    }

    private Literal parsePrimitiveLiteral(ComparisonOperator operator) {
        if (current.type() == TokenType.IDENTIFIER && (current.text().equals("true") || current.text().equals("false"))) {
            Literal value = new Literal.BooleanLiteral(current.text().equals("true"));
            advance();
            return value;
        }
        if (current.literal() == null) {
            throw unexpected("a literal value after " + operator.symbol());
        }
        Literal value = current.literal();
        advance();
        return value;
    }

    private Literal parseOrderableLiteral(ComparisonOperator operator) {
        if (current.literal() == null) {
            throw unexpected("a string, number, binary, hex or timestamp literal after " + operator.symbol());
        }
        Literal value = current.literal();
        advance();
        return value;
    }

    private Literal parseStringLiteral(ComparisonOperator operator) {
        if (!(current.literal() instanceof Literal.StringLiteral value)) {
            throw unexpected("a string literal after " + operator.symbol());
        }
        advance();
        return value;
    }

    private Literal parseSetLiteral() {
        if (current.type() != TokenType.LEFT_PAREN) {
            throw unexpected("'(' after IN");
        }
        advance();
        List<Literal> elements = new ArrayList<>();
        if (current.type() == TokenType.RIGHT_PAREN) {
            advance();
            return new Literal.SetLiteral(elements);
        }
        while (true) {
            elements.add(parsePrimitiveLiteral(ComparisonOperator.IN));
            if (current.type() == TokenType.COMMA) {
                advance();
            } else {
                expect(TokenType.RIGHT_PAREN, "',' or ')' in the IN list");
                return new Literal.SetLiteral(elements);
            }
        }
    }

    private void enterNesting(Token open) {
        depth++;
        if (depth > MAX_NESTING_DEPTH) {
            throw new PatternParseException(open.position(), "brackets and parentheses are nested deeper than "
                    + MAX_NESTING_DEPTH + " levels");
        }
    }

    private boolean atKeyword(String keyword) {
        return current.type() == TokenType.IDENTIFIER && current.text().equals(keyword);
    }

    private void expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw unexpected(keyword);
        }
        advance();
    }

    private void expect(TokenType type, String description) {
        if (current.type() != type) {
            throw unexpected(description);
        }
        advance();
    }

    private void advance() {
        if (lookahead != null) {
            current = lookahead;
            lookahead = null;
        } else {
            current = lexer.next();
        }
    }

    private Token peek() {
        if (lookahead == null) {
            lookahead = lexer.next();
        }
        return lookahead;
    }

    private PatternParseException unexpected(String expected) {
        String reason = "expected " + expected + " but found " + current.describe();
        if (current.type() == TokenType.IDENTIFIER) {
            String text = current.text();
            String upper = text.toUpperCase(Locale.ROOT);
            String lower = text.toLowerCase(Locale.ROOT);
            if (KEYWORDS.contains(upper) && !upper.equals(text)) {
                reason += " (keywords are upper case)";
            } else if ((lower.equals("true") || lower.equals("false")) && !lower.equals(text)) {
                reason += " (booleans are lower case)";
            }
        }
        return new PatternParseException(current.position(), reason);
    }
}
