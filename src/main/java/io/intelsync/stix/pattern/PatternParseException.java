package io.intelsync.stix.pattern;

/**
 * A STIX pattern that does not follow the STIX 2.1 patterning grammar, with the 0-based character
 * position where parsing stopped and the reason.
 *
 * <p>The exception is unchecked because a malformed pattern is bad input data, not a failure of
 * the caller's logic. Callers that take patterns from feeds catch it at one place, as
 * {@code io.intelsync.mapping.PatternExtractor} does, and callers that build patterns themselves
 * should not have to declare it.
 */
public final class PatternParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param position 0-based index of the character in the pattern where the error was found
     * @param reason what is wrong, for example {@code expected ']' but found end of input}
     */
    public PatternParseException(int position, String reason) {
        super("Invalid STIX pattern at position " + position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    /** Returns the 0-based index of the character in the pattern where the error was found. */
    public int position() {
        return position;
    }

    /** Returns what is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
