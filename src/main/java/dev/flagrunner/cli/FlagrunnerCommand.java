package dev.flagrunner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flagrunner}: the root command; its subcommands do the work. */
@Command(
        name = "flagrunner",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Plays the client side of the math server protocol family: a service with a REST API, and"
                    + " command-line tools. Without a command (or with only --name.key=value properties) it runs the service."
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Every command takes --help. Exit codes: 0 done, 1 failed (the reason on stderr), 2 usage error."
        })
final class FlagrunnerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Reached only with no command but some other argument picocli accepted: say what the commands are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
