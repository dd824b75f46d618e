package dev.flagrunner.expression;

import java.util.Objects;

/**
 * Entry point of the expression engine: parses a question payload (never evaluates it as code) and
 * returns the answer text. Thread-safe and stateless: each call builds its own small scanner and
 * parser.
 *
 * <p>Grammars: {@link BinaryQuestionParser} (status, cs230, eece), {@link PythonExpressionParser}
 * (eval2021), {@link TxprParser} (eval2022), {@link FindCount} (findcount). Limits, so that any input
 * fails fast with a positioned error instead of a {@link StackOverflowError}, an {@link
 * OutOfMemoryError} or a long computation: literals of at most {@value Scanner#MAX_LITERAL_DIGITS}
 * digits, parentheses nested at most {@value TokenParser#MAX_NESTING} deep, values of at most
 * {@value IntegerMath#MAX_BITS} bits, at most {@value IntegerMath#MAX_WORK} word operations of arithmetic per
 * question. Work is linear in the payload's length apart from the arithmetic itself, which the caps bound. See
 * {@code docs/expression.md}.
 */
public final class Evaluator {

    private Evaluator() {}

    /**
     * The answer to one question payload (the text after the question keyword).
     *
     * @throws ExpressionException {@code MALFORMED} or {@code TOO_LARGE} for a payload outside the
     *     dialect's grammar or limits, {@code UNSUPPORTED} for a well-formed question the dialect has no
     *     answer for (division by zero in status, cs230 and eece; a true quotient beyond a double)
     */
    public static Answer evaluate(Arithmetic arithmetic, String payload) throws ExpressionException {
        Objects.requireNonNull(arithmetic, "arithmetic");
        Objects.requireNonNull(payload, "payload");
        return switch (arithmetic) {
            case STATUS_FLOOR, CS230_TRUNCATE, EECE_TRUE_DIVISION -> oneLiner(arithmetic, payload);
            case EVAL2021 -> PythonExpressionParser.evaluate(payload);
            case EVAL2022 -> TxprParser.evaluate(payload);
            case FIND_COUNT -> FindCount.answer(payload);
        };
    }

    private static Answer oneLiner(Arithmetic arithmetic, String payload) throws ExpressionException {
        String small = SmallOneLiner.answer(arithmetic, payload);
        return small != null
                ? new Answer.Value(small)
                : BinaryQuestionParser.parse(payload).answer(arithmetic);
    }
}
