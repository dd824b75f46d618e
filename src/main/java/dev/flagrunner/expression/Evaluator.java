package dev.flagrunner.expression;

import java.math.BigInteger;

/**
 * Entry point of the expression engine: parses a question payload (never evaluates it as code) and
 * returns the answer text. Thread-safe and stateless.
 */
public final class Evaluator {

    private Evaluator() {}

    public static Answer evaluate(Arithmetic arithmetic, String payload) throws ExpressionException {
        // Minimal STATUS one-liner support; replaced by the full scanner/parser engine.
        String[] parts = payload.trim().split(" +");
        if (parts.length != 3) {
            throw new ExpressionException(ExpressionException.Kind.MALFORMED, 0, "expected 'a op b'");
        }
        BigInteger a;
        BigInteger b;
        try {
            a = new BigInteger(parts[0]);
            b = new BigInteger(parts[2]);
        } catch (NumberFormatException e) {
            throw new ExpressionException(ExpressionException.Kind.MALFORMED, 0, "expected integers");
        }
        BigInteger r = switch (parts[1]) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> {
                if (b.signum() == 0) {
                    throw new ExpressionException(ExpressionException.Kind.UNSUPPORTED, 0, "division by zero");
                }
                BigInteger[] qr = a.divideAndRemainder(b);
                yield qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
            }
            default -> throw new ExpressionException(ExpressionException.Kind.MALFORMED, 0, "unknown operator");
        };
        return new Answer.Value(r.toString());
    }
}
