package dev.flagrunner.expression;

import dev.flagrunner.expression.ExpressionException.Kind;
import dev.flagrunner.text.Quoter;

/**
 * Builds every {@link ExpressionException} of the package, so all messages share one shape:
 * "what went wrong at column N[, detail]". Columns in messages count from 1 (as editors do); {@link
 * ExpressionException#position()} is the 0-based offset, i.e. column - 1.
 */
final class Problems {

    /** How a message quotes server text: at most 20 characters (a token, not the line). */
    static final Quoter SNIPPET = new Quoter(20);

    private Problems() {}

    static ExpressionException malformed(int position, String what) {
        return at(Kind.MALFORMED, position, what, null);
    }

    static ExpressionException malformed(int position, String what, String detail) {
        return at(Kind.MALFORMED, position, what, detail);
    }

    static ExpressionException tooLarge(int position, String what, String detail) {
        return at(Kind.TOO_LARGE, position, what, detail);
    }

    static ExpressionException unsupported(int position, String what, String detail) {
        return at(Kind.UNSUPPORTED, position, what, detail);
    }

    private static ExpressionException at(Kind kind, int position, String what, String detail) {
        String message = what + " at column " + (position + 1) + (detail == null ? "" : ", " + detail);
        return new ExpressionException(kind, position, message);
    }
}
