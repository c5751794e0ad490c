package io.intelsync.stix.pattern;

/**
 * Kinds of token in a STIX pattern. Keywords such as AND or WITHIN arrive as {@link #IDENTIFIER}
 * because the parser decides from the context whether a word is a keyword or a property name.
 */
enum TokenType {
    LEFT_BRACKET,
    RIGHT_BRACKET,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    COLON,
    DOT,
    ASTERISK,
    EQUAL,
    NOT_EQUAL,
    LESS_THAN,
    LESS_THAN_OR_EQUAL,
    GREATER_THAN,
    GREATER_THAN_OR_EQUAL,
    IDENTIFIER,
    STRING,
    INTEGER,
    FLOAT,
    BINARY,
    HEX,
    TIMESTAMP,
    END
}
