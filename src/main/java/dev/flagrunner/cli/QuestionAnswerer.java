package dev.flagrunner.cli;

import dev.flagrunner.expression.Answer;
import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.DialectMessages;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code eval}: the answer the client would send for a question payload. A whole server
 * message ({@code EVAL ( 1 + 2 )}, with or without the class string) is not answered, since {@code eval}
 * answers exactly what the client evaluates; its error says to pass only the payload, and which it is.
 */
final class QuestionAnswerer {

    /** How a line without an answer starts: where the client would abort. */
    static final String ERROR = "error: ";

    private final Dialect dialect;

    QuestionAnswerer(Dialect dialect) {
        this.dialect = dialect;
    }

    String answer(String payload) {
        try {
            Answer answer = Evaluator.evaluate(dialect.arithmetic(), payload);
            return DialectMessages.answerText(dialect, answer)
                    .orElseGet(() -> ERROR + "divides by zero, which has no answer in dialect " + dialect.name());
        } catch (ExpressionException e) {
            return ERROR + e.getMessage() + wholeMessageHint(payload);
        }
    }

    /** Where the line starts like a server message: the next step, else nothing. */
    private String wholeMessageHint(String line) {
        List<String> words = Arrays.asList(line.strip().split(" +", 3));
        int keyword = words.indexOf(dialect.questionKeyword());
        if (keyword < 0 || keyword > 1 || keyword + 1 >= words.size()) {
            return "";
        }
        String rest = line.strip().split(" +", keyword + 2)[keyword + 1];
        return " (this is a whole server message: give only the payload after " + dialect.questionKeyword() + ", here '"
                + rest + "')";
    }
}
