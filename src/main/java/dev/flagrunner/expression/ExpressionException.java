package dev.flagrunner.expression;

/**
 * A payload the evaluator cannot answer. {@link Kind#MALFORMED} and {@link Kind#TOO_LARGE} are the
 * server's fault (the session reports {@code MALFORMED_MESSAGE}); {@link Kind#UNSUPPORTED} is a
 * well-formed question without an answer in its dialect ({@code UNSUPPORTED_EXPRESSION}).
 */
public final class ExpressionException extends Exception {

    public enum Kind {
        MALFORMED,
        TOO_LARGE,
        UNSUPPORTED
    }

    private final Kind kind;
    private final int position;

    public ExpressionException(Kind kind, int position, String message) {
        super(message);
        this.kind = kind;
        this.position = position;
    }

    public Kind kind() {
        return kind;
    }

    /** Zero-based character offset in the payload where the problem was found. */
    public int position() {
        return position;
    }
}
