package dev.flagrunner.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of a command in this JVM, with what it wrote to standard output and standard error (UTF-8).
 *
 * @param exit the command's exit code
 */
public record CliRun(int exit, String out, String err) {

    /** A command that writes to the streams it is given and answers its exit code. */
    @FunctionalInterface
    public interface Command {
        int run(PrintStream out, PrintStream err);
    }

    /** Runs the command with fresh streams: {@code CliRun.of((out, err) -> ClientCommand.run(args, out, err))}. */
    public static CliRun of(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.run(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
