package dev.flagrunner.cli;

import dev.flagrunner.mathserver.ConnectionBudget;
import dev.flagrunner.mathserver.Faults;
import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.mathserver.ServerEvents;
import dev.flagrunner.mathserver.ServerOptions;
import dev.flagrunner.net.HostPort;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.tls.ServerCertificate;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code server --dialect D [-p PORT] [-s] [--questions N|MIN-MAX] [--secret S] [--bind ADDR] [--fault F]...
 * [--seed N] [--class CLS] [--cert PEM --key PEM] [--write-cert FILE] [--max-connections N]
 * [--max-connections-per-address N] [--idle-timeout SECONDS] [--session-deadline SECONDS]}: the reference math
 * server alone. Prints
 * {@code listening on HOST:PORT} first (and over TLS the certificate's SHA-256 fingerprint), then serves
 * until killed; each finished session is logged on stderr (never its flag).
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Runs the reference math server alone.",
            "Prints 'listening on HOST:PORT' as its first line"
                    + " (over TLS the certificate's SHA-256 fingerprint next), then serves until killed, logging each"
                    + " finished session on stderr (never its flag). Flag = hex HMAC-SHA256(secret, transport + \" \""
                    + " + class + \" \" + id)."
        })
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dialect",
            paramLabel = "D",
            required = true,
            converter = DialectOption.Converter.class,
            completionCandidates = DialectOption.Names.class,
            description = "the protocol dialect: ${COMPLETION-CANDIDATES} (required)")
    Dialect dialect;

    @Option(
            names = "-p",
            paramLabel = "PORT",
            description = "the port, 0 for any free one (default: the dialect's port for plain or TLS, below)")
    Integer port;

    @Option(
            names = "-s",
            description = "serve TLS (default: plain TCP); a self-signed certificate is made at start"
                    + " unless --cert and --key are given")
    boolean tls;

    @Option(
            names = "--questions",
            paramLabel = "N|MIN-MAX",
            defaultValue = "100-1000",
            description = "questions per session, a number or a random one in a range (default: ${DEFAULT-VALUE})")
    String questions;

    @Option(
            names = "--secret",
            paramLabel = "S",
            description = "the HMAC key of the flags (default: random at each start)")
    String secret;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "the IP address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(
            names = "--fault",
            paramLabel = "F",
            description = "misbehave, to test clients; repeatable: fragment, coalesce, crlf, delay=<ms>,"
                    + " bye-order=flag-first|bye-first (default: none)")
    List<String> faults = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "a fixed question sequence (default: random)")
    Long seed;

    @Option(
            names = "--class",
            paramLabel = "CLS",
            description = "the class string the server expects (default: the dialect's, below)")
    String classId;

    @Option(
            names = "--cert",
            paramLabel = "PEM",
            description = "with -s and --key: the certificate chain to serve,"
                    + " leaf first (default: a self-signed certificate for localhost, 127.0.0.1 and ::1)")
    String certFile;

    @Option(
            names = "--key",
            paramLabel = "PEM",
            description = "with --cert: its private key, PKCS#8 or traditional," + " not encrypted (default: none)")
    String keyFile;

    @Option(
            names = "--write-cert",
            paramLabel = "FILE",
            description = "with -s: write the served certificate as PEM"
                    + " to FILE, for a client's --trust (default: not written)")
    Path writeCert;

    @Option(
            names = "--max-connections",
            paramLabel = "N",
            defaultValue = "" + ConnectionBudget.DEFAULT_MAX_CONNECTIONS,
            description = "connections served at once; one more is closed at once, unread (default: ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(
            names = "--max-connections-per-address",
            paramLabel = "N",
            defaultValue = "" + ConnectionBudget.DEFAULT_MAX_PER_ADDRESS,
            description = "connections from one IP address at once; raise it for a class behind one NAT"
                    + " (default: ${DEFAULT-VALUE})")
    int maxPerAddress;

    @Option(
            names = "--idle-timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "how long the server waits for each client message (default: ${DEFAULT-VALUE})")
    int idleTimeoutSeconds;

    @Option(
            names = "--session-deadline",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "how long a whole session may last, however promptly its client answers"
                    + " (default: ${DEFAULT-VALUE})")
    int sessionDeadlineSeconds;

    private final PrintStream out;
    private final PrintStream err;

    ServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Optional<ServerCertificate> certificate = certificate();
        MathServer server;
        try {
            ServerOptions options = options();
            server = new MathServer(
                    certificate
                            .map(c -> options.toBuilder().tls(c.sslContext()).build())
                            .orElse(options),
                    ServerEvents.NONE,
                    budget());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (writeCert != null) {
            try {
                Files.writeString(writeCert, certificate.orElseThrow().certificatePem(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                err.println("flagrunner: cannot write the certificate to " + writeCert + ": " + e);
                return 1;
            }
        }
        try {
            server.start();
        } catch (IOException e) {
            err.println("flagrunner: cannot listen on "
                    + server.options().bindAddress().getHostAddress() + ":"
                    + server.options().port() + ": " + e.getMessage());
            return 1;
        }
        out.println("listening on " + HostPort.format(server.host(), server.port()));
        // The same form as `openssl x509 -noout -fingerprint -sha256`, to compare with what a client saw.
        certificate.ifPresent(c -> out.println("certificate sha256 Fingerprint=" + c.sha256Fingerprint()
                + (writeCert != null ? " (PEM in " + writeCert + ")" : "")));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The TLS certificate to serve with -s; a usage error for TLS options without it or a bad key pair. */
    private Optional<ServerCertificate> certificate() {
        if (!tls) {
            if (certFile != null || keyFile != null || writeCert != null) {
                throw usage("--cert, --key and --write-cert need -s (TLS)");
            }
            return Optional.empty();
        }
        if ((certFile == null) != (keyFile == null)) {
            throw usage("--cert and --key go together");
        }
        try {
            return Optional.of(ServerTlsSetup.certificate(certFile, keyFile));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ServerOptions options() {
        int defaultPort = dialect.defaultPort(tls);
        if (port == null && defaultPort == 0) {
            throw usage(dialect.noDefaultPort(tls) + ": give -p PORT (0 for any free port)");
        }
        int serverPort = port != null ? port : defaultPort;
        if (serverPort < 0 || serverPort > 65535) {
            throw usage("option -p must be between 0 and 65535: " + serverPort);
        }
        int[] range = questions(questions);
        byte[] key = secret != null ? secret.getBytes(StandardCharsets.UTF_8) : FlagMinter.randomSecret();
        // In the order the options were checked before the builder: the bind address, then the secret's minter.
        InetAddress address = bindAddress(bind);
        ServerOptions.Builder options = ServerOptions.builder(dialect, new FlagMinter(key), range[0], range[1])
                .bindAddress(address)
                .port(serverPort)
                .faults(Faults.parse(faults))
                .idleTimeout(Duration.ofSeconds(positive("--idle-timeout", idleTimeoutSeconds)))
                .sessionDeadline(Duration.ofSeconds(positive("--session-deadline", sessionDeadlineSeconds)));
        if (classId != null) {
            options.classId(classId);
        }
        if (seed != null) {
            options.seed(seed);
        }
        return options.build();
    }

    private ConnectionBudget budget() {
        return new ConnectionBudget(
                positive("--max-connections", maxConnections),
                positive("--max-connections-per-address", maxPerAddress));
    }

    private int positive(String option, int value) {
        if (value < 1) {
            throw usage(option + " must be at least 1: " + value);
        }
        return value;
    }

    private int[] questions(String range) {
        try {
            int dash = range.indexOf('-');
            int min = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int max = dash < 0 ? min : Integer.parseInt(range.substring(dash + 1));
            if (min < 1 || max < min || max > 100_000_000) {
                throw usage("--questions must be N or MIN-MAX with 1 <= MIN <= MAX <= 100000000: " + range);
            }
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw usage("--questions must be N or MIN-MAX: " + range);
        }
    }

    private InetAddress bindAddress(String address) {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:]+|localhost")) {
            throw usage("--bind must be an IP address: " + address);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw usage("--bind must be an IP address: " + address);
        }
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), problem);
    }
}
