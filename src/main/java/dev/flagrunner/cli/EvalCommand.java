package dev.flagrunner.cli;

import dev.flagrunner.expression.Answer;
import dev.flagrunner.expression.Arithmetic;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.LineTooLongException;
import dev.flagrunner.expression.Evaluator;
import dev.flagrunner.expression.ExpressionException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code eval --dialect D} (docs/expression.md, "The eval command"): the evaluator as a line filter,
 * without a Spring context.
 * Each input line is one question payload (the text after {@code STATUS}, {@code EVAL}, {@code EXPR} or
 * {@code FIND}); each output line is the answer the client would send ({@code ERR #DIV/0} where the
 * dialect answers that) or {@code error: <message>} where the client would abort.
 *
 * <p>Input is UTF-8, lines end with LF (a CR before it is dropped) and hold at most {@value
 * #MAX_LINE_CHARS} characters, the largest line limit of any dialect (EVAL's 1 MiB). Output is
 * buffered and flushed whenever no more input is ready, so a pipe of 100k questions is not slowed by
 * a flush per line while a user typing questions sees each answer at once.
 *
 * <p>Exit codes: 0 when every line was answered (error lines included), 2 for a usage error (message
 * on stderr), 1 when standard input cannot be read or standard output fails (e.g. a closed pipe).
 */
public final class EvalCommand {

    static final int MAX_LINE_CHARS = 1 << 20;

    private static final String USAGE = "usage: flagrunner eval --dialect <" + Dialects.names()
            .replace(", ", "|") + ">\n"
            + "  reads one question payload per line on stdin, prints one answer or 'error: ...' per line";

    private EvalCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String dialect = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.equals("--dialect")) {
                if (i + 1 == args.length) {
                    return usageError(err, "--dialect needs a value");
                }
                value = args[++i];
            } else if (arg.startsWith("--dialect=")) {
                value = arg.substring("--dialect=".length());
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                out.flush();
                return 0;
            } else {
                return usageError(err, "unexpected argument '" + arg + "'");
            }
            if (dialect != null) {
                return usageError(err, "--dialect given twice");
            }
            dialect = value;
        }
        if (dialect == null) {
            return usageError(err, "missing --dialect (one of " + Dialects.names() + ")");
        }
        Optional<Arithmetic> arithmetic = Dialects.byName(dialect).map(Dialect::arithmetic);
        if (arithmetic.isEmpty()) {
            return usageError(err, Dialects.unknown(dialect));
        }
        try {
            return answerEachLine(arithmetic.get(), in, out);
        } catch (IOException e) {
            err.println("flagrunner eval: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }

    private static int answerEachLine(Arithmetic arithmetic, InputStream in, PrintStream out) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        Writer answers = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        while (true) {
            String reply;
            try {
                String payload = lines.readLine();
                if (payload == null) {
                    break;
                }
                reply = answer(arithmetic, payload);
            } catch (LineTooLongException e) {
                reply = "error: " + e.getMessage();
            }
            answers.write(reply);
            answers.write('\n');
            if (!lines.hasBufferedInput()) {
                answers.flush();
                if (out.checkError()) {
                    return 1; // nobody reads the answers any more
                }
            }
        }
        answers.flush();
        return out.checkError() ? 1 : 0;
    }

    private static String answer(Arithmetic arithmetic, String payload) {
        try {
            Answer answer = Evaluator.evaluate(arithmetic, payload);
            return answer instanceof Answer.Value value ? value.text() : "ERR #DIV/0";
        } catch (ExpressionException e) {
            return "error: " + e.getMessage();
        }
    }

    private static int usageError(PrintStream err, String problem) {
        err.println("flagrunner eval: " + problem);
        err.println(USAGE);
        err.flush();
        return 2;
    }
}
