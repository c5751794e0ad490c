package io.intelsync.stix.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Splits a STIX pattern into tokens on demand, so that the first error in reading order is the one
 * reported. Whitespace and C-style comments (block comments and line comments that start with two
 * slashes) are skipped, as the STIX 2.1 grammar does.
 */
final class PatternLexer {

    private final String text;
    private int index;

    PatternLexer(String text) {
        this.text = text;
    }

    /** Reads the next token; at the end of the input it returns an END token every time. */
    Token next() {
        skipWhitespaceAndComments();
        int start = index;
        if (start >= text.length()) {
            return new Token(TokenType.END, "", start, null);
        }
        char c = text.charAt(start);
        switch (c) {
            case '[':
                return symbol(TokenType.LEFT_BRACKET, 1);
            case ']':
                return symbol(TokenType.RIGHT_BRACKET, 1);
            case '(':
                return symbol(TokenType.LEFT_PAREN, 1);
            case ')':
                return symbol(TokenType.RIGHT_PAREN, 1);
            case ',':
                return symbol(TokenType.COMMA, 1);
            case ':':
                return symbol(TokenType.COLON, 1);
            case '*':
                return symbol(TokenType.ASTERISK, 1);
            case '=':
                return symbol(TokenType.EQUAL, charAt(start + 1) == '=' ? 2 : 1);
            case '!':
                if (charAt(start + 1) == '=') {
                    return symbol(TokenType.NOT_EQUAL, 2);
                }
                throw unexpectedCharacter(start);
            case '<':
                if (charAt(start + 1) == '=') {
                    return symbol(TokenType.LESS_THAN_OR_EQUAL, 2);
                }
                return charAt(start + 1) == '>' ? symbol(TokenType.NOT_EQUAL, 2) : symbol(TokenType.LESS_THAN, 1);
            case '>':
                return charAt(start + 1) == '=' ? symbol(TokenType.GREATER_THAN_OR_EQUAL, 2)
                        : symbol(TokenType.GREATER_THAN, 1);
            case '\'':
                return stringLiteral(start);
            case '.':
                return isDigit(charAt(start + 1)) ? number(start) : symbol(TokenType.DOT, 1);
            case '+', '-':
                return number(start);
            default:
                break;
        }
        if (isDigit(c)) {
            return number(start);
        }
        if (isIdentifierStart(c)) {
            if (charAt(start + 1) == '\'' && (c == 't' || c == 'h' || c == 'b')) {
                return prefixedLiteral(start, c);
            }
            return identifier(start);
        }
        throw unexpectedCharacter(start);
    }

    private Token symbol(TokenType type, int length) {
        int start = index;
        index += length;
        return new Token(type, text.substring(start, index), start, null);
    }

    private Token identifier(int start) {
        int end = start + 1;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        index = end;
        return new Token(TokenType.IDENTIFIER, text.substring(start, end), start, null);
    }

    private Token stringLiteral(int start) {
        StringBuilder value = null;
        int segmentStart = start + 1;
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                String result = value == null ? text.substring(segmentStart, i)
                        : value.append(text, segmentStart, i).toString();
                index = i + 1;
                return new Token(TokenType.STRING, text.substring(start, index), start,
                        new Literal.StringLiteral(result));
            }
            if (c == '\\') {
                char escaped = charAt(i + 1);
                if (escaped != '\'' && escaped != '\\') {
                    if (i + 1 >= text.length()) {
                        break;
                    }
                    throw new PatternParseException(i, "invalid escape sequence '\\" + printable(escaped)
                            + "' in a string literal; only \\' and \\\\ are allowed");
                }
                if (value == null) {
                    value = new StringBuilder();
                }
                value.append(text, segmentStart, i).append(escaped);
                i += 2;
                segmentStart = i;
                continue;
            }
            i++;
        }
        throw new PatternParseException(start, "unterminated string literal");
    }

    private Token prefixedLiteral(int start, char prefix) {
        int contentStart = start + 2;
        int close = text.indexOf('\'', contentStart);
        String kind = switch (prefix) {
            case 't' -> "timestamp";
            case 'h' -> "hex";
            default -> "binary";
        };
        if (close < 0) {
            throw new PatternParseException(start, "unterminated " + kind + " literal");
        }
        String content = text.substring(contentStart, close);
        index = close + 1;
        String source = text.substring(start, index);
        Literal literal;
        TokenType type;
        if (prefix == 't') {
            type = TokenType.TIMESTAMP;
            literal = new Literal.TimestampLiteral(parseTimestamp(content, start));
        } else if (prefix == 'h') {
            type = TokenType.HEX;
            if (content.length() % 2 != 0 || !content.chars().allMatch(PatternLexer::isHexDigit)) {
                throw new PatternParseException(start, "invalid hex literal " + shorten(source)
                        + ": expected an even number of hex digits");
            }
            literal = new Literal.HexLiteral(content);
        } else {
            type = TokenType.BINARY;
            if (!isBase64(content)) {
                throw new PatternParseException(start, "invalid binary literal " + shorten(source)
                        + ": expected base64 text in groups of four characters");
            }
            literal = new Literal.BinaryLiteral(content);
        }
        return new Token(type, source, start, literal);
    }

    private static Instant parseTimestamp(String content, int position) {
        try {
            return Timestamps.parse(content);
        } catch (IllegalArgumentException e) {
            throw new PatternParseException(position, "invalid timestamp '" + shorten(content) + "': " + e.getMessage());
        }
    }

    private Token number(int start) {
        int i = start;
        if (text.charAt(i) == '+' || text.charAt(i) == '-') {
            i++;
        }
        int digitsStart = i;
        while (isDigit(charAt(i))) {
            i++;
        }
        int integerDigits = i - digitsStart;

        boolean fraction = charAt(i) == '.' && isDigit(charAt(i + 1));
        if (fraction) {
            i += 2;
            while (isDigit(charAt(i))) {
                i++;
            }
        } else if (integerDigits == 0) {
            throw unexpectedCharacter(start);
        } else if (charAt(i) == '.') {
            throw new PatternParseException(start, "invalid number '" + text.substring(start, i + 1)
                    + "': a digit must follow the decimal point");
        }

        index = i;
        String source = text.substring(start, i);
        String unsigned = source.startsWith("+") ? source.substring(1) : source;
        if (fraction) {
            return new Token(TokenType.FLOAT, source, start, new Literal.FloatLiteral(new BigDecimal(unsigned)));
        }
        if (integerDigits > 1 && text.charAt(digitsStart) == '0') {
            throw new PatternParseException(start, "invalid integer '" + shorten(source)
                    + "': leading zeros are not allowed");
        }
        return new Token(TokenType.INTEGER, source, start, new Literal.IntegerLiteral(new BigInteger(unsigned)));
    }

    private void skipWhitespaceAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (isWhitespace(c)) {
                index++;
            } else if (c == '/' && charAt(index + 1) == '*') {
                int end = text.indexOf("*/", index + 2);
                if (end < 0) {
                    throw new PatternParseException(index, "unterminated comment");
                }
                index = end + 2;
            } else if (c == '/' && charAt(index + 1) == '/') {
                while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
                    index++;
                }
            } else {
                return;
            }
        }
    }

    private PatternParseException unexpectedCharacter(int position) {
        return new PatternParseException(position, "unexpected character '" + printable(text.charAt(position)) + "'");
    }

    /** Returns the character at {@code position}, or 0 past the end of the input. */
    private char charAt(int position) {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f || Character.isWhitespace(c) ? String.format("\\u%04x", (int) c)
                : String.valueOf(c);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '-';
    }

    /** Returns whether {@code c} is whitespace in the STIX 2.1 grammar, which includes several Unicode spaces. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000b' || c == '\u000c' || c == '\u0085'
                || c == '\u00a0' || c == '\u1680' || c >= '\u2000' && c <= '\u200a' || c == '\u2028'
                || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** Returns whether {@code content} is base64 as the grammar defines it: complete groups of four, padded at the end. */
    private static boolean isBase64(String content) {
        if (content.isEmpty() || content.length() % 4 != 0) {
            return false;
        }
        int padding = content.endsWith("==") ? 2 : content.endsWith("=") ? 1 : 0;
        for (int i = 0; i < content.length() - padding; i++) {
            char c = content.charAt(i);
            boolean base64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '+' || c == '/';
            if (!base64) {
                return false;
            }
        }
        return true;
    }
}
