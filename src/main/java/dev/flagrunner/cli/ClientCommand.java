package dev.flagrunner.cli;

import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SessionListener;
import dev.flagrunner.protocol.SessionSpec;
import dev.flagrunner.protocol.SocketOpener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code client [-p PORT] [-s] [--dialect D] [--class CLS] [--trust PEM | --insecure] [--timeout SECONDS]
 * [--max-questions N] [--max-duration SECONDS] [--stats] HOST ID}: the assignment's client. Prints exactly one line, the flag, and
 * exits 0 ({@code --stats} adds the exchange rate on stderr); on failure prints
 * {@code flagrunner: <REASON>: <detail>} on stderr and exits 1, as when the flag cannot be written to stdout;
 * usage errors exit 2.
 *
 * <p>Its picocli model is built by hand ({@link #model}), not read from annotations: reading them makes the JDK
 * spin a proxy class for each annotation type at every start, which JDK 17's class-data sharing cannot keep,
 * about 45 ms of a 0.2 s client session (docs/startup.md). The help, usage errors and completion are picocli's,
 * as they were with annotations ({@code CliTest} compares them with the whole command line's).
 */
final class ClientCommand implements Callable<Integer> {

    private final CommandSpec spec;
    private final PrintStream out;
    private final PrintStream err;

    ClientCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.spec = model(this);
    }

    /** The command's picocli model, whose parse this command reads when it runs. */
    CommandSpec spec() {
        return spec;
    }

    private static CommandSpec model(ClientCommand command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("client").versionProvider(new Version());
        spec.usageMessage()
                .sortOptions(false)
                .description(
                        "Captures a flag from a math server.",
                        "Says HELLO with the student id, answers every question"
                                + " and prints the flag, one line on stdout. A failure prints 'flagrunner: REASON: detail'"
                                + " on stderr and exits 1.");
        spec.addPositional(PositionalParamSpec.builder()
                .index("0")
                .arity("1")
                .required(true)
                .paramLabel("HOST")
                .type(String.class)
                .description("the server's host name or address")
                .build());
        spec.addPositional(PositionalParamSpec.builder()
                .index("1")
                .arity("1")
                .required(true)
                .paramLabel("ID")
                .type(String.class)
                .description("the student id sent in HELLO")
                .build());
        spec.addOption(OptionSpec.builder("-p")
                .paramLabel("PORT")
                .type(Integer.class)
                .description("the server's port, 1-65535 (default: the dialect's port for plain or TLS, below)")
                .build());
        spec.addOption(OptionSpec.builder("-s")
                .type(boolean.class)
                .initialValue(false)
                .description("connect over TLS (default: plain TCP)")
                .build());
        spec.addOption(OptionSpec.builder("--dialect")
                .paramLabel("D")
                .type(Dialect.class)
                .defaultValue("status")
                .converters(new DialectOption.Converter())
                .completionCandidates(new DialectOption.Names())
                .description("the protocol dialect: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--class")
                .paramLabel("CLS")
                .type(String.class)
                .description("the class string sent in HELLO (default: the dialect's, below)")
                .build());
        spec.addOption(OptionSpec.builder("--trust")
                .paramLabel("PEM")
                .type(String.class)
                .description("with -s: trust this PEM certificate (pinned when self-signed) or CA bundle"
                        + " (default: the JDK's trust store)")
                .build());
        spec.addOption(OptionSpec.builder("--insecure")
                .type(boolean.class)
                .initialValue(false)
                .description("with -s: accept any certificate, deliberately (default: verify)")
                .build());
        spec.addOption(OptionSpec.builder("--timeout")
                .paramLabel("SECONDS")
                .type(int.class)
                .defaultValue("10")
                .description("connect and read timeout, 1-3600 s (default: ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--max-questions")
                .paramLabel("N")
                .type(int.class)
                .defaultValue(String.valueOf(SessionSpec.DEFAULT_MAX_QUESTIONS))
                .description(
                        "end the session with TOO_MANY_QUESTIONS when the server asks more (default: ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--max-duration")
                .paramLabel("SECONDS")
                .type(int.class)
                .defaultValue("300")
                .description("end the session with SESSION_TIMEOUT when it lasts longer, 1-86400 s (default:"
                        + " ${DEFAULT-VALUE})")
                .build());
        spec.addOption(OptionSpec.builder("--stats")
                .type(boolean.class)
                .initialValue(false)
                .description("print the question count and rate on stderr (default: off)")
                .build());
        HelpOptions.addTo(spec);
        return spec;
    }

    /** The parsed value of an option (its default when not given). */
    private <T> T option(String name) {
        return spec.findOption(name).getValue();
    }

    private String positional(int index) {
        return spec.positionalParameters().get(index).getValue();
    }

    /** Runs {@code flagrunner client argv…} on these streams and returns the exit code. */
    static int run(String[] argv, PrintStream out, PrintStream err) {
        return Cli.run("client", argv, System.in, out, err);
    }

    /** What the command line gave, read from the parsed model. */
    private record Given(
            String host,
            String studentId,
            Integer port,
            boolean tls,
            Dialect dialect,
            String classId,
            String trustFile,
            boolean insecure,
            int timeoutSeconds,
            int maxQuestions,
            int maxDurationSeconds,
            boolean stats) {}

    private Given given() {
        return new Given(
                positional(0),
                positional(1),
                option("-p"),
                option("-s"),
                option("--dialect"),
                option("--class"),
                option("--trust"),
                option("--insecure"),
                option("--timeout"),
                option("--max-questions"),
                option("--max-duration"),
                option("--stats"));
    }

    @Override
    public Integer call() {
        Given given = given();
        SessionSpec session = sessionSpec(given);
        boolean tls = given.tls();
        try {
            SocketOpener opener = tls ? TlsOpener.forClient(trust(given)) : SocketOpener.plain();
            ClientSession client = new ClientSession(session, opener, SessionListener.NONE);
            long started = System.nanoTime();
            String flag = client.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(flag);
            out.flush();
            if (out.checkError()) {
                // A PrintStream swallows write errors: without this a closed pipe loses the flag with exit 0.
                err.println("flagrunner: the flag could not be written to standard output");
                return 1;
            }
            if (given.stats()) {
                err.printf(
                        Locale.ROOT,
                        "flagrunner: %d questions in %.3f s: %.0f questions/s (connect to flag)%n",
                        client.answered(),
                        seconds,
                        client.answered() / seconds);
            }
            return 0;
        } catch (SessionFailure f) {
            err.println("flagrunner: " + f.reason() + ": " + f.detail());
            FailureHints.of(f, tls, given.port() != null, session.port()).ifPresent(err::println);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("flagrunner: " + e.getMessage());
            return 2;
        }
    }

    /** The session the options describe; checks what picocli's types alone cannot. */
    private SessionSpec sessionSpec(Given given) {
        boolean tls = given.tls();
        boolean insecure = given.insecure();
        String trustFile = given.trustFile();
        Dialect dialect = given.dialect();
        Integer port = given.port();
        if (insecure && trustFile != null) {
            throw usage("--trust and --insecure exclude each other");
        }
        if (!tls && (insecure || trustFile != null)) {
            throw usage("--trust and --insecure need -s (TLS)");
        }
        int defaultPort = dialect.defaultPort(tls);
        if (port == null && defaultPort == 0) {
            throw usage(dialect.noDefaultPort(tls) + ": give -p PORT");
        }
        int serverPort = port != null ? port : defaultPort;
        requireRange("-p", serverPort, 1, 65535);
        requireRange("--timeout", given.timeoutSeconds(), 1, 3600);
        requireRange("--max-questions", given.maxQuestions(), 1, Integer.MAX_VALUE);
        requireRange("--max-duration", given.maxDurationSeconds(), 1, (int) SessionSpec.MAX_DURATION_LIMIT.toSeconds());
        String cls = given.classId() != null ? given.classId() : dialect.defaultClassId();
        requireToken(cls, "--class");
        requireToken(given.studentId(), "ID");
        Duration timeout = Duration.ofSeconds(given.timeoutSeconds());
        return new SessionSpec(
                given.host(),
                serverPort,
                dialect,
                cls,
                given.studentId(),
                timeout,
                timeout,
                given.maxQuestions(),
                Duration.ofSeconds(given.maxDurationSeconds()));
    }

    /** {@code system}, {@code insecure} or a PEM path. */
    private static String trust(Given given) {
        return given.insecure() ? "insecure" : given.trustFile() != null ? given.trustFile() : "system";
    }

    private void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw usage("option " + option + " must be between " + min + " and " + max + ": " + value);
        }
    }

    private void requireToken(String value, String what) {
        if (value.isEmpty() || value.length() > 64 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw usage(what + " must be 1 to 64 visible ASCII characters without spaces");
        }
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
