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

    /** The root command's version options (picocli's mixinStandardHelpOptions). */
    private static final List<String> VERSION_OPTIONS = List.of("--version", "-V");

    /** The tools, the subcommands that are all a command line needs of the model when it names one. */
    private static final List<String> TOOLS = List.of("client", "server", "eval");

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
        if (args.length == 1 && VERSION_OPTIONS.contains(args[0])) {
            // What picocli prints for --version, without building every command's model by reflection first:
            // that took most of this command's start (docs/startup.md).
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            return new Launch.Exit(0);
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
        // A command line that starts with a tool's name is parsed by that tool alone, so picocli reflects on one
        // command instead of five (docs/startup.md); anything else, help and mistakes included, sees them all.
        List<String> only = args.length > 0 && TOOLS.contains(args[0]) ? List.of(args[0]) : ALL;
        CommandLine root = commandLine(serve, in, out, err, only);
        int code = root.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every subcommand, in the order the help lists them. */
    private static final List<String> ALL = List.of("serve", "client", "server", "eval", "help", "completion");

    static CommandLine commandLine(ServeCommand serve, InputStream in, PrintStream out, PrintStream err) {
        return commandLine(serve, in, out, err, ALL);
    }

    private static CommandLine commandLine(
            ServeCommand serve, InputStream in, PrintStream out, PrintStream err, List<String> subcommands) {
        // picocli's DefaultFactory looks for Groovy's Closure class once, unless told not to: a miss that opens every
        // jar on the tools' class path, Bouncy Castle's and netty's included (docs/startup.md). No command is Groovy.
        System.setProperty("picocli.disable.closures", "true");
        // Nor its converters for java.sql and java.time types, which every CommandLine registers by reflection,
        // loading and initialising those classes (java.time's formatters): no option here has such a type (CliTest).
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
        }
        CommandLine root = new CommandLine(new FlagrunnerCommand().spec());
        for (String name : subcommands) {
            switch (name) {
                case "serve" -> {
                    root.addSubcommand(serve);
                    root.getSubcommands().get("serve").setUnmatchedOptionsArePositionalParams(true);
                }
                case "client" -> root.addSubcommand(new CommandLine(new ClientCommand(out, err).spec()));
                case "server" -> root.addSubcommand(new ServerCommand(out, err));
                case "eval" -> root.addSubcommand(new EvalCommand(in, out, err));
                case "help" -> root.addSubcommand(new CommandLine.HelpCommand());
                case "completion" -> {
                    root.addSubcommand("completion", new AutoComplete.GenerateCompletion());
                    root.getSubcommands()
                            .get("completion")
                            .getCommandSpec()
                            .usageMessage()
                            .hidden(false)
                            .description(
                                    "Prints a bash completion script.",
                                    "Load it with: source <(flagrunner completion)");
                }
                default -> throw new IllegalArgumentException("no subcommand " + name);
            }
            if (name.equals("client") || name.equals("server")) {
                root.getSubcommands()
                        .get(name)
                        .getCommandSpec()
                        .usageMessage()
                        .footer(DialectOption.defaultsTable().toArray(String[]::new));
            }
        }
        root.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionStrategy(new WithToolLogging());
        return root;
    }

    /**
     * The tools log to stderr only (stdout is their output), configured before the first logger exists;
     * the service keeps Spring Boot's logging. A class, not a method reference: the JDK 17 CDS archive does not
     * keep a lambda of a picocli interface (picocli's classes are Java 5's), so the tools' start would spin it.
     */
    private static final class WithToolLogging implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(ParseResult parsed) {
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
}
