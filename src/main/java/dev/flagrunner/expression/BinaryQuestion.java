package dev.flagrunner.expression;

import java.math.BigInteger;

/**
 * A parsed {@code a op b} question and its answer in each one-operation dialect. No size cap is needed
 * here: operands are at most {@value Scanner#MAX_LITERAL_DIGITS} digits, so a product stays under
 * 30,000 bits.
 */
record BinaryQuestion(BigInteger left, Token operator, BigInteger right) {

    /**
     * The answer text: {@code /} floors ({@code status}), truncates toward zero ({@code cs230}) or is
     * Python's true division rendered as {@code str(float)} ({@code eece}); division by zero has no
     * answer in any of them.
     */
    Answer answer(Arithmetic arithmetic) throws ExpressionException {
        if (operator.type() == TokenType.SLASH && right.signum() == 0) {
            throw Problems.unsupported(
                    operator.start(),
                    "division by zero",
                    "which has no answer in the " + arithmetic.dialect() + " dialect");
        }
        return new Answer.Value(
                switch (operator.type()) {
                    case PLUS -> IntegerMath.toText(left.add(right));
                    case MINUS -> IntegerMath.toText(left.subtract(right));
                    case STAR -> IntegerMath.toText(left.multiply(right));
                    case SLASH -> quotient(arithmetic);
                    default -> throw new IllegalStateException("not a one-liner operator: " + operator.type());
                });
    }

    private String quotient(Arithmetic arithmetic) throws ExpressionException {
        return switch (arithmetic) {
            case STATUS_FLOOR -> IntegerMath.toText(IntegerMath.floorDivide(left, right));
            case CS230_TRUNCATE -> IntegerMath.toText(IntegerMath.truncatingDivide(left, right));
            case EECE_TRUE_DIVISION -> trueQuotient();
            default -> throw new IllegalArgumentException("not a one-liner dialect: " + arithmetic);
        };
    }

    private String trueQuotient() throws ExpressionException {
        double quotient = PythonFloat.trueDivide(left, right);
        if (Double.isInfinite(quotient)) {
            throw Problems.unsupported(
                    operator.start(), "quotient too large for a float", "where Python raises OverflowError");
        }
        return PythonFloat.repr(quotient);
    }
}
