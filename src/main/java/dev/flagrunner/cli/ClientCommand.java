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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code client [-p PORT] [-s] [--dialect D] [--class CLS] [--trust PEM | --insecure] [--timeout SECONDS]
 * [--max-questions N] [--max-duration SECONDS] [--stats] HOST ID}: the assignment's client. Prints exactly one line, the flag, and
 * exits 0 ({@code --stats} adds the exchange rate on stderr); on failure prints
 * {@code flagrunner: <REASON>: <detail>} on stderr and exits 1, as when the flag cannot be written to stdout;
 * usage errors exit 2.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Captures a flag from a math server.",
            "Says HELLO with the student id, answers every question"
                    + " and prints the flag, one line on stdout. A failure prints 'flagrunner: REASON: detail' on stderr"
                    + " and exits 1."
        })
final class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "the server's host name or address")
    String host;

    @Parameters(index = "1", paramLabel = "ID", description = "the student id sent in HELLO")
    String studentId;

    @Option(
            names = "-p",
            paramLabel = "PORT",
            description = "the server's port, 1-65535 (default: the dialect's port for plain or TLS, below)")
    Integer port;

    @Option(names = "-s", description = "connect over TLS (default: plain TCP)")
    boolean tls;

    @Option(
            names = "--dialect",
            paramLabel = "D",
            defaultValue = "status",
            converter = DialectOption.Converter.class,
            completionCandidates = DialectOption.Names.class,
            description = "the protocol dialect: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Dialect dialect;

    @Option(
            names = "--class",
            paramLabel = "CLS",
            description = "the class string sent in HELLO (default: the dialect's, below)")
    String classId;

    @Option(
            names = "--trust",
            paramLabel = "PEM",
            description = "with -s: trust this PEM certificate (pinned when self-signed) or CA bundle"
                    + " (default: the JDK's trust store)")
    String trustFile;

    @Option(names = "--insecure", description = "with -s: accept any certificate, deliberately (default: verify)")
    boolean insecure;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "connect and read timeout, 1-3600 s (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(
            names = "--max-questions",
            paramLabel = "N",
            defaultValue = "" + SessionSpec.DEFAULT_MAX_QUESTIONS,
            description =
                    "end the session with TOO_MANY_QUESTIONS when the server asks more (default: ${DEFAULT-VALUE})")
    int maxQuestions;

    @Option(
            names = "--max-duration",
            paramLabel = "SECONDS",
            defaultValue = "300",
            description =
                    "end the session with SESSION_TIMEOUT when it lasts longer, 1-86400 s (default: ${DEFAULT-VALUE})")
    int maxDurationSeconds;

    @Option(names = "--stats", description = "print the question count and rate on stderr (default: off)")
    boolean stats;

    private final PrintStream out;
    private final PrintStream err;

    ClientCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code flagrunner client argv…} on these streams and returns the exit code. */
    static int run(String[] argv, PrintStream out, PrintStream err) {
        return Cli.run("client", argv, System.in, out, err);
    }

    @Override
    public Integer call() {
        SessionSpec session = sessionSpec();
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
            if (stats) {
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
            FailureHints.of(f, tls, port != null, session.port()).ifPresent(err::println);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("flagrunner: " + e.getMessage());
            return 2;
        }
    }

    /** The session the options describe; checks what picocli's types alone cannot. */
    private SessionSpec sessionSpec() {
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
                host,
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
        return insecure ? "insecure" : trustFile != null ? trustFile : "system";
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
