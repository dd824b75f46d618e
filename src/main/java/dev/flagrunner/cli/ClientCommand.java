package dev.flagrunner.cli;

import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SessionListener;
import dev.flagrunner.protocol.SessionSpec;
import dev.flagrunner.protocol.SocketOpener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
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
 * <p>Its picocli model is built by hand (the option fields and the constructor), not read from annotations: reading them makes the JDK
 * spin a proxy class for each annotation type at every start, which JDK 17's class-data sharing cannot keep,
 * about 45 ms of a 0.2 s client session (docs/startup.md). The help, usage errors and completion are picocli's,
 * as they were with annotations ({@code CliTest} compares them with the whole command line's).
 */
final class ClientCommand implements Callable<Integer> {

    // The options, in the order the help lists them; each is read where it is used (its parsed value, or its
    // default or initial value when not given).
    private final PositionalParamSpec host = positional(0, "HOST", "the server's host name or address");
    private final PositionalParamSpec studentId = positional(1, "ID", "the student id sent in HELLO");
    private final OptionSpec port = OptionSpec.builder("-p")
            .paramLabel("PORT")
            .type(Integer.class)
            .description("the server's port, 1-65535 (default: the dialect's port for plain or TLS, below)")
            .build();
    private final OptionSpec tls = HelpOptions.flag("-s")
            .description("connect over TLS (default: plain TCP)")
            .build();
    private final OptionSpec dialect = OptionSpec.builder("--dialect")
            .paramLabel("D")
            .type(Dialect.class)
            .defaultValue("status")
            .converters(new DialectOption.Converter())
            .completionCandidates(new DialectOption.Names())
            .description("the protocol dialect: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
            .build();
    private final OptionSpec classId = OptionSpec.builder("--class")
            .paramLabel("CLS")
            .type(String.class)
            .description("the class string sent in HELLO (default: the dialect's, below)")
            .build();
    private final OptionSpec trustFile = OptionSpec.builder("--trust")
            .paramLabel("PEM")
            .type(String.class)
            .description("with -s: trust this PEM certificate (pinned when self-signed) or CA bundle"
                    + " (default: the JDK's trust store)")
            .build();
    private final OptionSpec insecure = HelpOptions.flag("--insecure")
            .description("with -s: accept any certificate, deliberately (default: verify)")
            .build();
    private final OptionSpec timeoutSeconds = OptionSpec.builder("--timeout")
            .paramLabel("SECONDS")
            .type(int.class)
            .defaultValue("10")
            .description("connect and read timeout, 1-3600 s (default: ${DEFAULT-VALUE})")
            .build();
    private final OptionSpec maxQuestions = OptionSpec.builder("--max-questions")
            .paramLabel("N")
            .type(int.class)
            .defaultValue(String.valueOf(SessionSpec.DEFAULT_MAX_QUESTIONS))
            .description(
                    "end the session with TOO_MANY_QUESTIONS when the server asks more (default: ${DEFAULT-VALUE})")
            .build();
    private final OptionSpec maxDurationSeconds = OptionSpec.builder("--max-duration")
            .paramLabel("SECONDS")
            .type(int.class)
            .defaultValue("300")
            .description("end the session with SESSION_TIMEOUT when it lasts longer, 1-86400 s (default:"
                    + " ${DEFAULT-VALUE})")
            .build();
    private final OptionSpec stats = HelpOptions.flag("--stats")
            .description("print the question count and rate on stderr (default: off)")
            .build();

    private final CommandSpec spec;
    private final PrintStream out;
    private final PrintStream err;

    ClientCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("client").versionProvider(new Version());
        spec.usageMessage()
                .sortOptions(false)
                .description(
                        "Captures a flag from a math server.",
                        "Says HELLO with the student id, answers every question"
                                + " and prints the flag, one line on stdout. A failure prints 'flagrunner: REASON: detail'"
                                + " on stderr and exits 1.");
        spec.addPositional(host).addPositional(studentId);
        for (OptionSpec option : List.of(
                port,
                tls,
                dialect,
                classId,
                trustFile,
                insecure,
                timeoutSeconds,
                maxQuestions,
                maxDurationSeconds,
                stats)) {
            spec.addOption(option);
        }
        HelpOptions.addTo(spec);
    }

    /** The command's picocli model, whose parse this command reads when it runs. */
    CommandSpec spec() {
        return spec;
    }

    private static PositionalParamSpec positional(int index, String label, String description) {
        return PositionalParamSpec.builder()
                .index(String.valueOf(index))
                .arity("1")
                .required(true)
                .paramLabel(label)
                .type(String.class)
                .description(description)
                .build();
    }

    /** Runs {@code flagrunner client argv…} on these streams and returns the exit code. */
    static int run(String[] argv, PrintStream out, PrintStream err) {
        return Cli.run("client", argv, System.in, out, err);
    }

    @Override
    public Integer call() {
        SessionSpec session = sessionSpec();
        boolean tls = this.tls.getValue();
        try {
            SocketOpener opener = tls ? TlsOpener.forClient(trust()) : SocketOpener.plain();
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
            if (stats.<Boolean>getValue()) {
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
            FailureHints.of(f, tls, port.getValue() != null, session.port()).ifPresent(err::println);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("flagrunner: " + e.getMessage());
            return 2;
        }
    }

    /** The session the options describe; checks what picocli's types alone cannot. */
    private SessionSpec sessionSpec() {
        boolean tls = this.tls.getValue();
        boolean insecure = this.insecure.getValue();
        String trustFile = this.trustFile.getValue();
        Dialect dialect = this.dialect.getValue();
        Integer port = this.port.getValue();
        int timeoutSeconds = this.timeoutSeconds.getValue();
        int maxQuestions = this.maxQuestions.getValue();
        int maxDurationSeconds = this.maxDurationSeconds.getValue();
        String classId = this.classId.getValue();
        String studentId = this.studentId.getValue();
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
        requireRange("--timeout", timeoutSeconds, 1, 3600);
        requireRange("--max-questions", maxQuestions, 1, Integer.MAX_VALUE);
        requireRange("--max-duration", maxDurationSeconds, 1, (int) SessionSpec.MAX_DURATION_LIMIT.toSeconds());
        String cls = classId != null ? classId : dialect.defaultClassId();
        requireToken(cls, "--class");
        requireToken(studentId, "ID");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return new SessionSpec(
                host.getValue(),
                serverPort,
                dialect,
                cls,
                studentId,
                timeout,
                timeout,
                maxQuestions,
                Duration.ofSeconds(maxDurationSeconds));
    }

    /** {@code system}, {@code insecure} or a PEM path. */
    private String trust() {
        String trustFile = this.trustFile.getValue();
        return insecure.<Boolean>getValue() ? "insecure" : trustFile != null ? trustFile : "system";
    }

    private void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw usage("option " + option + " must be between " + min + " and " + max + ": " + value);
        }
    }

    private void requireToken(String value, String what) {
        if (value.isEmpty() || value.length() > 64 || !isVisibleAscii(value)) {
            throw usage(what + " must be 1 to 64 visible ASCII characters without spaces");
        }
    }

    /** A loop, not a stream: this runs in every client's start, where a stream and its lambda cost more. */
    private static boolean isVisibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
