package dev.flagrunner.protocol;

import dev.flagrunner.expression.Answer;
import java.util.Optional;

/**
 * The one home of the text of a dialect's messages under one class string (docs/protocol.md §2-§4): the
 * client's HELLO and answers, the server's questions, end and failure lines, each without its terminator
 * ({@link Dialect#terminator()}). The client ({@link ClientSession}), the reference server and the CLI's
 * {@code eval} build their lines here; the tests' vectors and scripted servers write the wire text out by
 * hand, so they stay an independent check of it.
 */
public final class DialectMessages {

    private final Dialect dialect;
    private final String classId;
    private final String answerPrefix;

    public DialectMessages(Dialect dialect, String classId) {
        this.dialect = dialect;
        this.classId = classId;
        String keyword = dialect.answerKeyword();
        this.answerPrefix = classId + " " + (keyword.isEmpty() ? "" : keyword + " ");
    }

    /** {@code <cls> HELLO <id>} ({@code INTR} for EECE). */
    public String hello(String studentId) {
        return classId + " " + dialect.helloKeyword() + " " + studentId;
    }

    /** What a HELLO is before its student id: {@code <cls> HELLO }. */
    public String helloPrefix() {
        return classId + " " + dialect.helloKeyword() + " ";
    }

    /**
     * The answer message for an evaluated question: {@code <cls> [<answer keyword> ]<value>}, or
     * {@code <cls> ERR #DIV/0} for a division by zero; empty where the dialect has no answer for that.
     */
    public Optional<String> answer(Answer answer) {
        if (answer instanceof Answer.Value value) {
            return Optional.of(answerPrefix + value.text());
        }
        return dialect.divisionByZeroAnswer().map(err -> classId + " " + err);
    }

    /**
     * An answer as the CLI's {@code eval} prints it, without class string and keyword: the value, or
     * {@code ERR #DIV/0}; empty where the dialect has no answer for a division by zero.
     */
    public static Optional<String> answerText(Dialect dialect, Answer answer) {
        if (answer instanceof Answer.Value value) {
            return Optional.of(value.text());
        }
        return dialect.divisionByZeroAnswer();
    }

    /** {@code <cls> <question keyword> <payload>}. */
    public String question(String payload) {
        return questionPrefix() + payload;
    }

    /** What every question starts with: {@code <cls> <question keyword> }. */
    public String questionPrefix() {
        return classId + " " + dialect.questionKeyword() + " ";
    }

    /**
     * The end message with the flag: {@code <cls> SUCC <flag>} for EECE, else {@code <cls> <flag> BYE} when
     * {@code flagFirst} or {@code <cls> BYE <flag>}.
     */
    public String end(String flag, boolean flagFirst) {
        if (dialect.end() == Dialect.EndForm.SUCC) {
            return classId + " SUCC " + flag;
        }
        return flagFirst ? classId + " " + flag + " BYE" : classId + " BYE " + flag;
    }

    /** The order of flag and {@code BYE} the dialect's texts use: flag first in status and cs230. */
    public boolean flagFirstByDefault() {
        return dialect.questionKeyword().equals("STATUS");
    }

    /** The server's explicit failure message ({@code <cls> FAIL}), where the dialect has one. */
    public Optional<String> failure() {
        return dialect.failureKeyword().map(fail -> classId + " " + fail);
    }
}
