package dev.flagrunner.mathserver;

import dev.flagrunner.expression.Answer;
import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.DialectMessages;
import java.util.random.RandomGenerator;

/** Draws questions and the exact answer message (without terminator) a correct client must send. */
final class Examiner {

    private final Dialect dialect;
    private final DialectMessages messages;
    private final QuestionGenerator generator;

    Examiner(Dialect dialect, String classId) {
        this.dialect = dialect;
        this.messages = new DialectMessages(dialect, classId);
        this.generator = new QuestionGenerator(dialect.arithmetic());
    }

    Question next(RandomGenerator random) {
        while (true) {
            String payload = generator.next(random);
            String expected = expectedAnswer(payload);
            if (expected != null) {
                return new Question(payload, expected);
            }
        }
    }

    /** The answer message, or null for a question that has no answer in this dialect (drawn again). */
    private String expectedAnswer(String payload) {
        Answer answer;
        try {
            answer = Evaluator.evaluate(dialect.arithmetic(), payload);
        } catch (ExpressionException e) {
            return null;
        }
        return messages.answer(answer).orElse(null);
    }
}
