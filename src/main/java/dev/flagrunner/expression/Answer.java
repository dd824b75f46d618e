package dev.flagrunner.expression;

/** What the evaluator found for one question payload. */
public sealed interface Answer permits Answer.Value, Answer.DivisionByZero {

    /** The answer text exactly as it goes on the wire (e.g. {@code -4}, {@code 2.0}). */
    record Value(String text) implements Answer {}

    /** The expression divides by zero somewhere and the dialect has an answer for that ({@code ERR #DIV/0}). */
    record DivisionByZero() implements Answer {
        public static final DivisionByZero INSTANCE = new DivisionByZero();
    }
}
