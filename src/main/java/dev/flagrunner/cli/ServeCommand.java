package dev.flagrunner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code serve [--name.key=value]...}: the service. It only records that the service was asked for;
 * the application starts Spring with these properties.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Runs the service (the default command).",
            "The REST API on 127.0.0.1:8080 (server.port), the"
                    + " embedded reference math server, metrics and health; the same as no command at all."
        },
        footer = {
            "",
            "Examples:",
            "  flagrunner serve --server.port=0 --flagrunner.session.max-concurrent=50",
            "Every flagrunner.* key, its default and its meaning: application.yml."
        })
final class ServeCommand implements Callable<Integer> {

    /**
     * {@code --name.key=value}: Spring Boot's form of a property on the command line; also its two
     * undotted switches, {@code --debug} and {@code --trace}. A dotted name keeps a mistyped option of the
     * tools ({@code --dialect=status} without a command) from starting the service.
     */
    private static final Pattern SPRING_PROPERTY =
            Pattern.compile("--(debug|trace)(=.*)?|--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*");

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "--name.key=value",
            arity = "0..*",
            description =
                    "Spring Boot properties, e.g. --server.port=9090 (default: none; ./application.yml is read too)")
    List<String> springArgs = new ArrayList<>();

    private boolean requested;

    static boolean isSpringProperty(String arg) {
        return SPRING_PROPERTY.matcher(arg).matches();
    }

    @Override
    public Integer call() {
        List<String> notProperties =
                springArgs.stream().filter(a -> !isSpringProperty(a)).toList();
        if (!notProperties.isEmpty()) {
            // Not a Spring property: a mistyped option is reported with a suggestion, never passed to the service.
            if (notProperties.get(0).startsWith("-")) {
                throw new UnmatchedArgumentException(spec.commandLine(), notProperties);
            }
            throw new ParameterException(
                    spec.commandLine(),
                    "serve takes Spring Boot properties as --name.key=value," + " not '" + notProperties.get(0) + "'");
        }
        requested = true;
        return 0;
    }

    boolean requested() {
        return requested;
    }

    List<String> springArgs() {
        return List.copyOf(springArgs);
    }
}
