package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.FlagrunnerApplication;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code eval} as a real child process from the built classes, through the application's main. */
class EvalCommandProcessTest {

    @Test
    @Timeout(60)
    void filtersStdinToStdoutAndExitsOneWhenALineFailed() throws Exception {
        Process process = start("eval", "--dialect", "eval2022");
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("( 1 <<^ -1 )\n( 5 // 0 )\n( 1 +\n".getBytes(UTF_8));
        }
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(process.getInputStream().readAllBytes(), UTF_8)).isEqualTo("""
                -8193
                ERR #DIV/0
                error: expected a number or '(' at column 6, found end of input
                """);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(new String(process.getErrorStream().readAllBytes(), UTF_8))
                .contains("flagrunner: 1 of 3 lines failed");
    }

    @Test
    @Timeout(60)
    void anUnknownDialectExitsTwo() throws Exception {
        Process process = start("eval", "--dialect", "klingon");
        process.getOutputStream().close();
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), UTF_8)).contains("unknown dialect 'klingon'");
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = FlagrunnerApplication.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .directory(new File("."))
                .start();
    }
}
