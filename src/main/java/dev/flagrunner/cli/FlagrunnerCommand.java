package dev.flagrunner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code flagrunner}: the root command; its subcommands do the work. Its model is built by hand, as the client's
 * is ({@link ClientCommand}): every tool's command line starts with it.
 */
final class FlagrunnerCommand implements Callable<Integer> {

    private final CommandSpec spec;

    FlagrunnerCommand() {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("flagrunner").versionProvider(new Version());
        spec.usageMessage()
                .description("Plays the client side of the math server protocol family: a service with a REST API, and"
                        + " command-line tools. Without a command (or with only --name.key=value properties) it runs the"
                        + " service.")
                .commandListHeading("%nCommands:%n")
                .footer(
                        "",
                        "Every command takes --help. Exit codes: 0 done, 1 failed (the reason on stderr), 2 usage"
                                + " error.");
        HelpOptions.addTo(spec);
    }

    /** The command's picocli model. */
    CommandSpec spec() {
        return spec;
    }

    /** Reached only with no command but some other argument picocli accepted: say what the commands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
