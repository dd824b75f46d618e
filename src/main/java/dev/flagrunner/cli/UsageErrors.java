package dev.flagrunner.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error: {@code flagrunner: <problem>}, a suggestion for a mistyped command or option, the
 * command's synopsis and where the full help is; exit 2.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("flagrunner: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for what each option does.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
