package dev.flagrunner.cli;

import java.util.Arrays;
import java.util.Set;

/** Dispatches the command-line commands (docs/architecture.md §6.5); none of them starts Spring. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("client", "server", "eval");

    private Cli() {}

    public static boolean isCommand(String word) {
        return COMMANDS.contains(word);
    }

    /** Runs a command and returns the process exit code. */
    public static int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // Before the first logger exists: the commands log to stderr only, stdout is their output.
        System.setProperty("logback.configurationFile", "flagrunner-cli-logback.xml");
        if (args[0].equals("server")) {
            System.setProperty("flagrunner.cli.server.log.level", "INFO");
        }
        return switch (args[0]) {
            case "client" -> ClientCommand.run(rest, System.out, System.err);
            case "server" -> ServerCommand.run(rest, System.out, System.err);
            case "eval" -> EvalCommand.run(rest, System.in, System.out, System.err);
            default -> {
                System.err.println("flagrunner: unknown command '" + args[0] + "' (client, server, eval)");
                yield 2;
            }
        };
    }
}
