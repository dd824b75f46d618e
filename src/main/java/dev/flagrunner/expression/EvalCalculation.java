package dev.flagrunner.expression;

import java.math.BigInteger;

/**
 * The arithmetic of the EVAL dialects, applied by their parsers as each operation is reduced (no tree
 * is built): exact integers, floor {@code //}, {@code <<^}, and Python's rule for division by zero.
 *
 * <p>A division by zero anywhere makes the whole answer {@code ERR #DIV/0}, with no short-circuit
 * (docs/protocol.md §4): both operands of every operation are parsed, in Python's left-to-right order,
 * before the divisor is looked at. After the first one the answer is decided, so further operations
 * are skipped, but parsing goes on: a malformed payload is malformed even if it divides by zero, as
 * Python compiles an expression before it runs it.
 *
 * <p>The operations of one question share a work budget ({@link IntegerMath#MAX_WORK}): values stay under
 * the bit cap, but a 1 MiB payload can still ask for hundreds of thousands of operations on them.
 */
final class EvalCalculation {

    private boolean dividedByZero;
    /** Word operations spent so far on this question, bounded by {@link IntegerMath#MAX_WORK}. */
    private long work;

    BigInteger apply(Token operator, BigInteger left, BigInteger right) throws ExpressionException {
        if (dividedByZero) {
            return BigInteger.ZERO;
        }
        work += IntegerMath.cost(operator.type(), left, right);
        if (work > IntegerMath.MAX_WORK) {
            throw IntegerMath.overWork(operator);
        }
        return switch (operator.type()) {
            case PLUS -> IntegerMath.add(left, right, operator);
            case MINUS -> IntegerMath.subtract(left, right, operator);
            case STAR -> IntegerMath.multiply(left, right, operator);
            case SLASH_SLASH -> {
                if (right.signum() == 0) {
                    dividedByZero = true;
                    yield BigInteger.ZERO;
                }
                yield IntegerMath.floorDivide(left, right);
            }
            case SHIFT_XOR -> IntegerMath.shiftXor(left, right, operator);
            default -> throw new IllegalArgumentException("not an EVAL operator: " + operator.type());
        };
    }

    /** The answer for the expression's value, once the whole payload has parsed. */
    Answer answer(BigInteger value) {
        return dividedByZero ? Answer.DivisionByZero.INSTANCE : new Answer.Value(IntegerMath.toText(value));
    }
}
