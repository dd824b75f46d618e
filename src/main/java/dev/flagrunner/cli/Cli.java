package dev.flagrunner.cli;

import java.util.Arrays;
import java.util.Set;

/** Dispatches the command-line commands (DESIGN.md §7); none of them starts Spring. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("client", "server", "eval");

    private Cli() {}

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    /** Runs a command and returns the process exit code. */
    public static int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "eval" -> EvalCommand.run(rest, System.in, System.out, System.err);
            default -> {
                System.err.println("flagrunner: command '" + args[0] + "' is not available yet");
                yield 2;
            }
        };
    }
}
