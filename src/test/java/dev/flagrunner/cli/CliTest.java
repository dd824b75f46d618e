package dev.flagrunner.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flagrunner.protocol.SessionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The command line as a whole, in-process: help, version, mistakes, and what starts the service. */
class CliTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Cli.Launch launch(String... args) {
        return Cli.launch(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, UTF_8),
                new PrintStream(stderr, true, UTF_8));
    }

    /** The model of every command, as a command line that names no tool sees it, on this test's streams. */
    private CommandLine wholeModel() {
        return Cli.commandLine(
                new ServeCommand(),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, UTF_8),
                new PrintStream(stderr, true, UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsTheCommandsAndExitsZeroWithoutTheService(String help) {
        assertThat(launch(help)).isEqualTo(new Cli.Launch.Exit(0));
        assertThat(stdout.toString(UTF_8))
                .startsWith("Usage: flagrunner [-hV] [COMMAND]")
                .contains("  serve ", "  client ", "  server ", "  eval ", "  help ", "  completion ");
        assertThat(stderr.toString(UTF_8)).isEmpty();
    }

    @Test
    void helpOfACommandIsThatCommandsHelp() {
        assertThat(launch("help", "client")).isEqualTo(new Cli.Launch.Exit(0));
        assertThat(stdout.toString(UTF_8)).startsWith("Usage: flagrunner client [-hsV]");
    }

    @Test
    void versionNamesTheProgramAndExitsZero() {
        assertThat(launch("--version")).isEqualTo(new Cli.Launch.Exit(0));
        assertThat(stdout.toString(UTF_8))
                .startsWith("flagrunner ")
                .contains("Java " + System.getProperty("java.version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionPrintsWhatPicocliPrintsForIt(String option) {
        assertThat(launch(option)).isEqualTo(new Cli.Launch.Exit(0));

        assertThat(stdout.toString(UTF_8))
                .isEqualTo(outputOfTheWholeModel(option).stdout());
        assertThat(stderr.toString(UTF_8)).isEmpty();
    }

    /** A tool's command line is parsed with that tool alone in the model: what it prints must not change. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "client --help",
                "server --help",
                "eval --help",
                "client --dialet=status 127.0.0.1 1",
                "client 127.0.0.1",
                "server --dialect nope",
                "eval",
                "client -V"
            })
    void aToolPrintsWhatItPrintsWithEveryCommandInTheModel(String commandLine) {
        String[] args = commandLine.split(" ");
        Output whole = outputOfTheWholeModel(args);

        Cli.Launch launched = launch(args);

        assertThat(launched).isEqualTo(new Cli.Launch.Exit(whole.code()));
        assertThat(stdout.toString(UTF_8)).isEqualTo(whole.stdout());
        assertThat(stderr.toString(UTF_8)).isEqualTo(whole.stderr());
    }

    private record Output(int code, String stdout, String stderr) {}

    private static Output outputOfTheWholeModel(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine root = Cli.commandLine(
                new ServeCommand(),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        int code = root.execute(args);
        return new Output(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestion() {
        assertThat(launch("clinet", "127.0.0.1", "1")).isEqualTo(new Cli.Launch.Exit(2));
        assertThat(stderr.toString(UTF_8))
                .startsWith("flagrunner: Unmatched arguments from index 0: 'clinet', '127.0.0.1', '1'")
                .contains("Did you mean: flagrunner client");
        assertThat(stdout.toString(UTF_8)).isEmpty();
    }

    @Test
    void aMistypedOptionIsAUsageErrorWithASuggestion() {
        assertThat(launch("--hepl")).isEqualTo(new Cli.Launch.Exit(2));
        assertThat(stderr.toString(UTF_8))
                .startsWith("flagrunner: Unknown option: '--hepl'\nPossible solutions: --help\n");
    }

    @Test
    void aMistypedToolOptionSuggestsTheRightOne() {
        assertThat(launch("client", "--dialet=status", "127.0.0.1", "1")).isEqualTo(new Cli.Launch.Exit(2));
        assertThat(stderr.toString(UTF_8))
                .startsWith("flagrunner: Unknown option: '--dialet=status'")
                .contains("Possible solutions: --dialect");
    }

    @Test
    void noArgumentsOrOnlySpringPropertiesRunTheServiceAsBefore() {
        assertThat(launch()).isEqualTo(new Cli.Launch.Serve(List.of()));
        assertThat(launch("--server.port=0", "--flagrunner.embedded-server.dialects[0]=status"))
                .isEqualTo(new Cli.Launch.Serve(
                        List.of("--server.port=0", "--flagrunner.embedded-server.dialects[0]=status")));
        assertThat(launch("--debug")).isEqualTo(new Cli.Launch.Serve(List.of("--debug")));
        assertThat(stdout.toString(UTF_8) + stderr.toString(UTF_8)).isEmpty();
    }

    @Test
    void aToolsOptionWithoutItsCommandIsAUsageErrorNotAService() {
        assertThat(launch("--dialect=status")).isEqualTo(new Cli.Launch.Exit(2));
        assertThat(stderr.toString(UTF_8)).startsWith("flagrunner: Unknown option: '--dialect=status'");
    }

    @Test
    void serveRunsTheServiceWithItsProperties() {
        assertThat(launch("serve")).isEqualTo(new Cli.Launch.Serve(List.of()));
        assertThat(launch("serve", "--server.port=0")).isEqualTo(new Cli.Launch.Serve(List.of("--server.port=0")));
    }

    @Test
    void serveWithSomethingThatIsNoPropertyIsAUsageErrorNotAService() {
        assertThat(launch("serve", "--server.port=0", "--hepl")).isEqualTo(new Cli.Launch.Exit(2));
        assertThat(launch("serve", "8080")).isEqualTo(new Cli.Launch.Exit(2));
        assertThat(stderr.toString(UTF_8))
                .contains("flagrunner: Unknown option: '--hepl'\nPossible solutions: --help")
                .contains("flagrunner: serve takes Spring Boot properties as --name.key=value, not '8080'");
    }

    @Test
    void serveHelpIsHelpNotAService() {
        assertThat(launch("serve", "--help")).isEqualTo(new Cli.Launch.Exit(0));
        assertThat(stdout.toString(UTF_8)).startsWith("Usage: flagrunner serve [-hV] [--name.key=value...]");
    }

    @Test
    void everyOptionAndParameterOfEveryCommandSaysWhatItDoesAndItsDefault() {
        CommandLine root = wholeModel();
        for (String name : List.of("serve", "client", "server", "eval")) {
            CommandLine command = root.getSubcommands().get(name);
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String text = String.join(" ", option.description());
                assertThat(text).as("%s %s", name, option.longestName()).matches(".*\\((default: |required).*");
                assertThat(command.getUsageMessage())
                        .as("%s %s", name, option.longestName())
                        .contains(option.longestName());
            }
            for (PositionalParamSpec parameter : command.getCommandSpec().positionalParameters()) {
                assertThat(String.join(" ", parameter.description()))
                        .as("%s %s", name, parameter.paramLabel())
                        .isNotBlank();
            }
        }
    }

    @Test
    void noOptionOrParameterHasATypeWhoseConverterPicocliIsToldToLeaveOut() {
        CommandLine root = wholeModel();
        String excluded = System.getProperty("picocli.converters.excludes");

        assertThat(excluded).isNotBlank();
        assertThat("java.time.Duration").matches(excluded);
        for (CommandLine command : root.getSubcommands().values()) {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                assertThat(arg.type().getName())
                        .as("%s %s", command.getCommandName(), arg.paramLabel())
                        .doesNotMatch(excluded);
                for (Class<?> auxiliary : arg.auxiliaryTypes()) {
                    assertThat(auxiliary.getName())
                            .as("%s %s", command.getCommandName(), arg.paramLabel())
                            .doesNotMatch(excluded);
                }
            }
        }
    }

    @Test
    void theClientsDefaultLimitsAreTheSessionsDefaults() {
        CommandLine client = wholeModel().getSubcommands().get("client");

        assertThat(client.getCommandSpec().findOption("--max-duration").defaultValue())
                .isEqualTo(String.valueOf(SessionSpec.DEFAULT_MAX_DURATION.toSeconds()));
        assertThat(client.getCommandSpec().findOption("--max-questions").defaultValue())
                .isEqualTo(String.valueOf(SessionSpec.DEFAULT_MAX_QUESTIONS));
    }

    @Test
    void theToolsHelpListsEachDialectsClassStringAndPorts() {
        assertThat(launch("server", "--help")).isEqualTo(new Cli.Launch.Exit(0));
        assertThat(stdout.toString(UTF_8))
                .contains("  status     cs5700fall2020    27995 / 27996")
                .contains("  eval2022   cs5700fall2022    - / 27995");
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndDialect() {
        assertThat(launch("completion")).isEqualTo(new Cli.Launch.Exit(0));
        assertThat(stdout.toString(UTF_8))
                .startsWith("#!/usr/bin/env bash")
                .contains(
                        "complete -F _complete_flagrunner",
                        "serve",
                        "client",
                        "server",
                        "eval",
                        "eval2022",
                        "--max-questions");
    }
}
