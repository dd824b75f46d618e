package dev.flagrunner.cli;

import dev.flagrunner.protocol.ClientSession;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SessionListener;
import dev.flagrunner.protocol.SessionSpec;
import dev.flagrunner.protocol.SocketOpener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * {@code client [-p PORT] [-s] [--dialect D] [--class CLS] [--trust PEM | --insecure] [--timeout SECONDS] [--max-questions N]
 * [--max-duration SECONDS] [--stats] HOST ID}: the assignment's client. Prints exactly one line, the flag, and exits 0 ({@code --stats} adds the
 * exchange rate on stderr); on failure prints
 * {@code flagrunner: <REASON>: <detail>} on stderr and exits 1, as when the flag cannot be written to stdout;
 * usage errors exit 2.
 */
final class ClientCommand {

    static final String USAGE = "usage: flagrunner client [-p PORT] [-s] [--dialect D] [--class CLS]"
            + " [--trust PEM | --insecure] [--timeout SECONDS] [--max-questions N] [--max-duration SECONDS] [--stats] HOST ID";

    private ClientCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        ClientOptions options;
        try {
            options = ClientOptions.parse(argv);
        } catch (Args.UsageException e) {
            err.println("flagrunner: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        SessionSpec spec = new SessionSpec(options.host(), options.port(), options.dialect(), options.classId(),
                options.studentId(), options.timeout(), options.timeout(), options.maxQuestions(), options.maxDuration());
        try {
            SocketOpener opener = options.tls() ? TlsOpener.forClient(options.trust()) : SocketOpener.plain();
            ClientSession session = new ClientSession(spec, opener, SessionListener.NONE);
            long started = System.nanoTime();
            String flag = session.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(flag);
            out.flush();
            if (out.checkError()) {
                // A PrintStream swallows write errors: without this a closed pipe loses the flag with exit 0.
                err.println("flagrunner: the flag could not be written to standard output");
                return 1;
            }
            if (options.stats()) {
                err.printf(java.util.Locale.ROOT, "flagrunner: %d questions in %.3f s: %.0f questions/s (connect to flag)%n",
                        session.answered(), seconds, session.answered() / seconds);
            }
            return 0;
        } catch (SessionFailure f) {
            err.println("flagrunner: " + f.reason() + ": " + f.detail());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("flagrunner: " + e.getMessage());
            return 2;
        }
    }

    /** The parsed command line. {@code trust} is {@code system}, {@code insecure} or a PEM path. */
    record ClientOptions(String host, int port, boolean tls, Dialect dialect, String classId, String studentId,
            String trust, Duration timeout, int maxQuestions, Duration maxDuration, boolean stats) {

        static ClientOptions parse(String[] argv) throws Args.UsageException {
            Args args = Args.parse(argv, Set.of("-s", "--insecure", "--stats"),
                    Set.of("-p", "--dialect", "--class", "--trust", "--timeout", "--max-questions", "--max-duration"));
            if (args.positional().size() != 2) {
                throw new Args.UsageException("expected HOST and ID, got " + args.positional().size() + " arguments");
            }
            String dialectName = args.value("--dialect", "status");
            Dialect dialect = Dialects.byName(dialectName).orElseThrow(() -> new Args.UsageException(
                    Dialects.unknown(dialectName)));
            boolean tls = args.has("-s");
            if (args.has("--insecure") && args.has("--trust")) {
                throw new Args.UsageException("--trust and --insecure exclude each other");
            }
            if (!tls && (args.has("--insecure") || args.has("--trust"))) {
                throw new Args.UsageException("--trust and --insecure need -s (TLS)");
            }
            int defaultPort = dialect.defaultPort(tls);
            if (defaultPort == 0 && !args.has("-p")) {
                throw new Args.UsageException("dialect " + dialect.name() + " has no default " + (tls ? "TLS" : "plain")
                        + " port: give -p PORT");
            }
            int port = args.intValue("-p", defaultPort, 1, 65535);
            int timeoutSeconds = args.intValue("--timeout", 10, 1, 3600);
            int maxQuestions = args.intValue("--max-questions", SessionSpec.DEFAULT_MAX_QUESTIONS, 1, Integer.MAX_VALUE);
            int maxSeconds = args.intValue("--max-duration", (int) SessionSpec.DEFAULT_MAX_DURATION.toSeconds(), 1,
                    (int) SessionSpec.MAX_DURATION_LIMIT.toSeconds());
            String classId = args.value("--class", dialect.defaultClassId());
            String id = args.positional().get(1);
            requireToken(classId, "--class");
            requireToken(id, "ID");
            String trust = args.has("--insecure") ? "insecure" : args.value("--trust", "system");
            return new ClientOptions(args.positional().get(0), port, tls, dialect, classId, id, trust,
                    Duration.ofSeconds(timeoutSeconds), maxQuestions, Duration.ofSeconds(maxSeconds), args.has("--stats"));
        }

        private static void requireToken(String value, String what) throws Args.UsageException {
            if (value.isEmpty() || value.length() > 64 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new Args.UsageException(what + " must be 1 to 64 visible ASCII characters without spaces");
            }
        }
    }
}
