package dev.flagrunner.cli;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.LineTooLongException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
 * <p>Exit codes: 0 when every line was answered ({@code ERR #DIV/0} included), 1 when any line was an
 * {@code error: …} line (how many, on stderr: a script that pipes questions through it learns that some had no
 * answer without parsing the output), or when standard input cannot be read or standard output fails (e.g. a
 * closed pipe), 2 for a usage error (message on stderr).
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Answers questions as the client would.",
            "Reads one question payload per line on stdin (the"
                    + " text after STATUS, EVAL, EXPR or FIND) and prints one answer per line: the number, ERR #DIV/0 where"
                    + " the dialect answers that, or 'error: ...' where the client would abort.",
            "Exits 1 when any line was an error line (how many, on stderr)."
        },
        footer = {"", "Example:", "  echo '( 1 <<^ -1 )' | flagrunner eval --dialect eval2022     # prints -8193"})
final class EvalCommand implements Callable<Integer> {

    static final int MAX_LINE_CHARS = 1 << 20;

    @Option(
            names = "--dialect",
            paramLabel = "D",
            required = true,
            converter = DialectOption.Converter.class,
            completionCandidates = DialectOption.Names.class,
            description = "whose arithmetic: ${COMPLETION-CANDIDATES} (required)")
    Dialect dialect;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code flagrunner eval args…} on these streams and returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return Cli.run("eval", args, in, out, err);
    }

    @Override
    public Integer call() {
        try {
            Tally tally = answerEachLine(new QuestionAnswerer(dialect), in, out);
            if (tally.outputFailed()) {
                return 1; // nobody reads the answers any more
            }
            if (tally.failed() > 0) {
                err.printf(
                        Locale.ROOT,
                        "flagrunner: %d of %d lines failed (their answers are the 'error: ...' lines)%n",
                        tally.failed(),
                        tally.lines());
                return 1;
            }
            return 0;
        } catch (IOException e) {
            err.println("flagrunner: cannot read standard input: " + e.getMessage());
            return 1;
        }
    }

    /** How many lines were read and how many of them got an error line; whether the output failed. */
    private record Tally(long lines, long failed, boolean outputFailed) {}

    private static Tally answerEachLine(QuestionAnswerer answerer, InputStream in, PrintStream out) throws IOException {
        BoundedLineReader lines =
                new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        Writer answers = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long count = 0;
        long failed = 0;
        while (true) {
            String reply;
            try {
                String payload = lines.readLine();
                if (payload == null) {
                    break;
                }
                reply = answerer.answer(payload);
            } catch (LineTooLongException e) {
                reply = QuestionAnswerer.ERROR + e.getMessage();
            }
            count++;
            if (reply.startsWith(QuestionAnswerer.ERROR)) {
                failed++;
            }
            answers.write(reply);
            answers.write('\n');
            if (!lines.hasBufferedInput()) {
                answers.flush();
                if (out.checkError()) {
                    return new Tally(count, failed, true);
                }
            }
        }
        answers.flush();
        return new Tally(count, failed, out.checkError());
    }
}
