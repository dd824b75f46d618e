package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code eval} command, run in-process on in-memory streams. */
class EvalCommandTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void answersEachLineInOrder() {
        int exit = run("1 + 2\n5 / 0\n  5   +   10  \n007 + 3\n-7 / 2\n", "--dialect", "status");

        assertThat(exit).as("a line failed").isEqualTo(1);
        assertThat(stdout()).isEqualTo("""
                3
                error: division by zero at column 3, which has no answer in the status dialect
                15
                10
                -4
                """);
        assertThat(stderr()).isEqualTo("flagrunner: 1 of 5 lines failed (their answers are the 'error: ...' lines)\n");
    }

    @Test
    void everyLineAnsweredIsExitZeroWithNothingOnStderrErrDivZeroIncluded() {
        assertThat(run("1 + 2\n( 1 // 0 )\n", "--dialect", "eval2021")).isZero();
        assertThat(stdout()).isEqualTo("3\nERR #DIV/0\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void answersErrDivZeroWhereTheDialectHasThatAnswer() {
        assertThat(run("( 1 + 2 )\n( 0 * ( 1 // 0 ) )\n( 1 + 2\n", "--dialect", "eval2022"))
                .isEqualTo(1);
        assertThat(stdout()).isEqualTo("""
                3
                ERR #DIV/0
                error: expected ')' at column 8, found end of input; the '(' at column 1 is still open
                """);
    }

    @Test
    void servesEveryDialect() {
        assertThat(run("7 // 2 * 3\n", "--dialect=eval2021")).isZero();
        assertThat(run("-7 / 2\n", "--dialect=cs230")).isZero();
        assertThat(run("1 / 3\n", "--dialect=eece")).isZero();
        assertThat(run("A AAAA\n", "--dialect=findcount")).isZero();
        assertThat(stdout()).isEqualTo("9\n-3\n0.3333333333333333\n4\n");
    }

    @Test
    void aWholeServerMessageIsNotAnsweredAndTheErrorSaysWhichPayloadToPass() {
        assertThat(run("EVAL ( 1 + 2 )\ncs5700fall2022 EVAL ( 1 + 2 )\n( 1 + 2 )\n", "--dialect", "eval2022"))
                .isEqualTo(1);
        assertThat(stdout()).isEqualTo("""
                error: unexpected character 'E' at column 1 (this is a whole server message: give only the payload \
                after EVAL, here '( 1 + 2 )')
                error: unexpected character 'c' at column 1 (this is a whole server message: give only the payload \
                after EVAL, here '( 1 + 2 )')
                3
                """);
    }

    @Test
    void aStatusLineWithItsKeywordGetsTheHintAndOtherErrorsDoNot() {
        assertThat(run("STATUS 1 + 2\n1 +\n", "--dialect", "status")).isEqualTo(1);
        assertThat(stdout()).isEqualTo("""
                error: unexpected character 'S' at column 1 (this is a whole server message: give only the \
                payload after STATUS, here '1 + 2')
                error: expected a number at column 4, found end of input
                """);
    }

    @Test
    void acceptsCrLfAndAnUnterminatedLastLine() {
        assertThat(run("1 + 2\r\n3 + 4", "--dialect", "status")).isZero();
        assertThat(stdout()).isEqualTo("3\n7\n");
    }

    @Test
    void anEmptyLineIsAnErrorLineAndNothingIsSkipped() {
        assertThat(run("\n\n1 + 1\n", "--dialect", "status")).isEqualTo(1);
        assertThat(stdout()).isEqualTo("""
                error: expected a number at column 1, found end of input
                error: expected a number at column 1, found end of input
                2
                """);
    }

    @Test
    void noInputNoOutput() {
        assertThat(run("", "--dialect", "status")).isZero();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void anOverlongLineIsReportedAndTheNextLineStillAnswered() {
        String overlong = "1".repeat(EvalCommand.MAX_LINE_CHARS + 1);
        assertThat(run(overlong + "\n1 + 1\n", "--dialect", "status")).isEqualTo(1);
        assertThat(stdout()).isEqualTo("error: line length (1048577) exceeds the allowed maximum (1048576)\n2\n");
    }

    @Test
    void aLineOfExactlyTheMaximumIsEvaluated() {
        String longest = "a " + "a".repeat(EvalCommand.MAX_LINE_CHARS - 2);
        assertThat(run(longest + "\r\n", "--dialect", "findcount")).isZero();
        assertThat(stdout()).isEqualTo(EvalCommand.MAX_LINE_CHARS - 2 + "\n");
    }

    @Test
    void aHundredThousandLinesAllAnswered() {
        String input = IntStream.range(0, 100_000).mapToObj(i -> i + " + 1\n").collect(Collectors.joining());
        assertThat(run(input, "--dialect", "status")).isZero();
        String[] answers = stdout().split("\n");
        assertThat(answers).hasSize(100_000);
        assertThat(answers[0]).isEqualTo("1");
        assertThat(answers[99_999]).isEqualTo("100000");
    }

    @Test
    void flushesWhenInputRunsDryNotPerLine() {
        AtomicInteger flushes = new AtomicInteger();
        OutputStream counting = new FilterOutputStream(stdout) {
            @Override
            public void flush() throws IOException {
                flushes.incrementAndGet();
                super.flush();
            }
        };
        String input = "1 + 1\n".repeat(10_000);
        int exit = EvalCommand.run(
                new String[] {"--dialect", "status"},
                new ByteArrayInputStream(input.getBytes(UTF_8)),
                new PrintStream(counting, false, UTF_8),
                new PrintStream(stderr, true, UTF_8));

        assertThat(exit).isZero();
        assertThat(stdout().split("\n")).hasSize(10_000);
        assertThat(flushes.get()).isLessThan(10);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anInteractiveUserSeesEachAnswerBeforeTypingTheNext() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        InputStream stdin = new PipedInputStream(keyboard, 1 << 16);
        PrintStream out = new PrintStream(stdout, false, UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> EvalCommand.run(
                new String[] {"--dialect", "eval2022"}, stdin, out, new PrintStream(stderr, true, UTF_8)));

        keyboard.write("( 1 <<^ 1 )\n".getBytes(UTF_8));
        keyboard.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> stdout().equals("8193\n"));

        keyboard.write("( 5 // 0 )\n".getBytes(UTF_8));
        keyboard.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> stdout().equals("8193\nERR #DIV/0\n"));

        keyboard.close();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Nested
    class UsageErrors {

        @Test
        void missingDialect() {
            assertThat(run("1 + 1\n")).isEqualTo(2);
            assertThat(stderr())
                    .startsWith(
                            "flagrunner: Missing required option: '--dialect=D'\n"
                                    + "Usage: flagrunner eval [-hV] --dialect=D\nRun 'flagrunner eval --help' for what each option does.");
            assertThat(stdout()).isEmpty();
        }

        @Test
        void unknownDialect() {
            assertThat(run("1 + 1\n", "--dialect", "eval2023")).isEqualTo(2);
            assertThat(stderr())
                    .startsWith(
                            "flagrunner: Invalid value for option '--dialect': unknown dialect 'eval2023' (known: status,");
        }

        @Test
        void dialectWithoutValue() {
            assertThat(run("", "--dialect")).isEqualTo(2);
            assertThat(stderr()).startsWith("flagrunner: Missing required parameter for option '--dialect' (D)");
        }

        @Test
        void dialectTwice() {
            assertThat(run("", "--dialect", "status", "--dialect=cs230")).isEqualTo(2);
            assertThat(stderr()).startsWith("flagrunner: option '--dialect' (D) should be specified only once");
        }

        @Test
        void unexpectedArgument() {
            assertThat(run("", "--dialect", "status", "extra")).isEqualTo(2);
            assertThat(stderr()).startsWith("flagrunner: Unmatched argument at index 3: 'extra'");
        }

        @Test
        void helpGoesToStdoutAndSucceeds() {
            assertThat(run("", "--help")).isZero();
            assertThat(stdout())
                    .startsWith("Usage: flagrunner eval [-hV] --dialect=D")
                    .contains("--dialect=D   whose arithmetic: status, findcount, eval2021, eval2022,");
            assertThat(stderr()).isEmpty();
        }
    }

    private int run(String input, String... args) {
        return EvalCommand.run(
                args,
                new ByteArrayInputStream(input.getBytes(UTF_8)),
                new PrintStream(stdout, false, UTF_8),
                new PrintStream(stderr, true, UTF_8));
    }

    private String stdout() {
        return stdout.toString(UTF_8);
    }

    private String stderr() {
        return stderr.toString(UTF_8);
    }
}
