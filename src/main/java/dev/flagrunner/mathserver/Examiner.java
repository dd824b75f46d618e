package dev.flagrunner.mathserver;

import dev.flagrunner.expression.Answer;
import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import dev.flagrunner.protocol.Dialect;
import java.util.random.RandomGenerator;

/** Draws questions and the exact answer message (without terminator) a correct client must send. */
final class Examiner {

    private final Dialect dialect;
    private final String classId;
    private final String answerPrefix;
    private final QuestionGenerator generator;

    Examiner(Dialect dialect, String classId) {
        this.dialect = dialect;
        this.classId = classId;
        String keyword = dialect.answerKeyword();
        this.answerPrefix = classId + " " + (keyword.isEmpty() ? "" : keyword + " ");
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
        if (answer instanceof Answer.Value value) {
            return answerPrefix + value.text();
        }
        return dialect.divisionByZeroAnswer().map(err -> classId + " " + err).orElse(null);
    }
}
