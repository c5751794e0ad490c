package io.intelsync.stix.pattern;

/**
 * One token of a STIX pattern.
 *
 * @param type the kind of token
 * @param text the source text of the token, empty for {@link TokenType#END}
 * @param position 0-based index of the token's first character in the pattern
 * @param literal the parsed value for literal tokens (string, number, binary, hex, timestamp), otherwise null
 */
record Token(TokenType type, String text, int position, Literal literal) {

    private static final int MAX_QUOTED_LENGTH = 40;

    /**
     * Returns the token as an error message shows it: shortened, in quotes unless it is a quoted literal,
     * or "end of input".
     */
    String describe() {
        if (type == TokenType.END) {
            return "end of input";
        }
        String shortened = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
        boolean quoted = type == TokenType.STRING || type == TokenType.TIMESTAMP || type == TokenType.BINARY
                || type == TokenType.HEX;
        return quoted ? shortened : "'" + shortened + "'";
    }
}
