package io.intelsync.stix.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A constant on the right-hand side of a STIX comparison. */
public sealed interface Literal {

    /** Returns the literal in STIX pattern syntax, so that parsing it gives an equal literal. */
    String toPatternText();

    /** A string literal. The value is the unescaped text between the quotes. */
    record StringLiteral(String value) implements Literal {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toPatternText() {
            return quote(value);
        }

        /** Returns {@code text} as a STIX string literal, escaping backslashes and quotes. */
        static String quote(String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
    }

    /** An integer literal of any size. */
    record IntegerLiteral(BigInteger value) implements Literal {
        public IntegerLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toPatternText() {
            return value.toString();
        }
    }

    /** A decimal floating-point literal, kept exactly as written (no binary rounding). */
    record FloatLiteral(BigDecimal value) implements Literal {
        public FloatLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toPatternText() {
            return value.toPlainString();
        }
    }

    /** The literal {@code true} or {@code false}. */
    record BooleanLiteral(boolean value) implements Literal {
        @Override
        public String toPatternText() {
            return Boolean.toString(value);
        }
    }

    /** A binary literal {@code b'...'}, stored as its validated base64 text. */
    record BinaryLiteral(String base64) implements Literal {
        public BinaryLiteral {
            Objects.requireNonNull(base64, "base64");
        }

        /** Returns the decoded bytes. */
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }

        @Override
        public String toPatternText() {
            return "b'" + base64 + "'";
        }
    }

    /** A hex literal {@code h'...'}, stored as its validated hex digits. */
    record HexLiteral(String hex) implements Literal {
        public HexLiteral {
            Objects.requireNonNull(hex, "hex");
        }

        /** Returns the decoded bytes. */
        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public String toPatternText() {
            return "h'" + hex + "'";
        }
    }

    /** A timestamp literal {@code t'...'} in UTC. */
    record TimestampLiteral(Instant value) implements Literal {
        public TimestampLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toPatternText() {
            return "t'" + value + "'";
        }
    }

    /** The parenthesised list of literals on the right of {@code IN}. It may be empty. */
    record SetLiteral(List<Literal> elements) implements Literal {
        public SetLiteral {
            elements = List.copyOf(elements);
        }

        @Override
        public String toPatternText() {
            return elements.stream().map(Literal::toPatternText).collect(Collectors.joining(", ", "(", ")"));
        }
    }
}
