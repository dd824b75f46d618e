package dev.flagrunner.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The command line on picocli: {@code serve} (the service, also what no command at all runs), the
 * {@code client}, {@code server} and {@code eval} tools (none starts Spring), {@code help} and
 * {@code completion} (docs/architecture.md §6.5). Usage errors, mistyped commands and options included, exit 2
 * and never start anything.
 */
public final class Cli {

    private Cli() {}

    /** What the process does: exit with a code, or run the Spring service with these arguments. */
    public sealed interface Launch {
        record Exit(int code) implements Launch {}

        record Serve(List<String> springArgs) implements Launch {
            public Serve {
                springArgs = List.copyOf(springArgs);
            }

            public String[] args() {
                return springArgs.toArray(String[]::new);
            }
        }
    }

    /**
     * Parses the command line and runs a tool to its end; for the service it only says so, since the
     * service is Spring's to run. No arguments, or only Spring properties ({@code --name.key=value}), is
     * the service, as it always was.
     */
    public static Launch launch(String[] args) {
        return launch(args, System.in, System.out, System.err);
    }

    static Launch launch(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (Arrays.stream(args).allMatch(ServeCommand::isSpringProperty)) {
            return new Launch.Serve(List.of(args));
        }
        ServeCommand serve = new ServeCommand();
        int code = execute(args, serve, in, out, err);
        return serve.requested() ? new Launch.Serve(serve.springArgs()) : new Launch.Exit(code);
    }

    /** Runs {@code flagrunner args…} on the given streams and returns its exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return execute(args, new ServeCommand(), in, out, err);
    }

    /** Runs one tool, {@code flagrunner command args…}. */
    static int run(String command, String[] args, InputStream in, PrintStream out, PrintStream err) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return run(all, in, out, err);
    }

    private static int execute(String[] args, ServeCommand serve, InputStream in, PrintStream out, PrintStream err) {
        CommandLine root = commandLine(serve, in, out, err);
        int code = root.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(ServeCommand serve, InputStream in, PrintStream out, PrintStream err) {
        CommandLine root = new CommandLine(new FlagrunnerCommand());
        root.addSubcommand(serve);
        root.addSubcommand(new ClientCommand(out, err));
        root.addSubcommand(new ServerCommand(out, err));
        root.addSubcommand(new EvalCommand(in, out, err));
        root.addSubcommand(new CommandLine.HelpCommand());
        root.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        CommandLine completion = root.getSubcommands().get("completion");
        completion
                .getCommandSpec()
                .usageMessage()
                .hidden(false)
                .description("Prints a bash completion script.", "Load it with: source <(flagrunner completion)");
        root.getSubcommands().get("serve").setUnmatchedOptionsArePositionalParams(true);
        for (String tool : List.of("client", "server")) {
            root.getSubcommands()
                    .get(tool)
                    .getCommandSpec()
                    .usageMessage()
                    .footer(DialectOption.defaultsTable().toArray(String[]::new));
        }
        root.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionStrategy(Cli::runWithToolLogging);
        return root;
    }

    /**
     * The tools log to stderr only (stdout is their output), configured before the first logger exists;
     * the service keeps Spring Boot's logging.
     */
    private static int runWithToolLogging(ParseResult parsed) {
        String command =
                parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "";
        if (!command.equals("serve")) {
            System.setProperty("logback.configurationFile", "flagrunner-cli-logback.xml");
        }
        if (command.equals("server")) {
            System.setProperty("flagrunner.cli.server.log.level", "INFO");
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
