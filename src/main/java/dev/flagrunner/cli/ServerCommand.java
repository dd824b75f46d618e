package dev.flagrunner.cli;

import dev.flagrunner.mathserver.Faults;
import dev.flagrunner.mathserver.FlagMinter;
import dev.flagrunner.mathserver.MathServer;
import dev.flagrunner.mathserver.ServerEvents;
import dev.flagrunner.mathserver.ServerOptions;
import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Dialects;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code server --dialect D [-p PORT] [-s] [--questions N|MIN-MAX] [--secret S] [--bind ADDR] [--fault F]...
 * [--seed N] [--class CLS]}: the reference math server alone. Prints {@code listening on HOST:PORT}
 * first, then serves until killed; each finished session is logged on stderr (never its flag).
 */
final class ServerCommand {

    static final String USAGE = "usage: flagrunner server --dialect D [-p PORT] [-s] [--questions N|MIN-MAX]"
            + " [--secret S] [--bind ADDR] [--fault F]... [--seed N] [--class CLS] [--cert PEM --key PEM]";

    private ServerCommand() {}

    static int run(String[] argv, PrintStream out, PrintStream err) {
        MathServer server;
        try {
            server = new MathServer(parse(argv), ServerEvents.NONE);
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("flagrunner: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            server.start();
        } catch (IOException e) {
            err.println("flagrunner: cannot listen on " + server.options().bindAddress().getHostAddress() + ":"
                    + server.options().port() + ": " + e.getMessage());
            return 1;
        }
        out.println("listening on " + server.host() + ":" + server.port());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static ServerOptions parse(String[] argv) throws Args.UsageException {
        Args args = Args.parse(argv, Set.of("-s"),
                Set.of("--dialect", "-p", "--questions", "--secret", "--bind", "--fault", "--seed", "--class",
                        "--cert", "--key"));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("unexpected argument '" + args.positional().get(0) + "'");
        }
        String dialectName = args.value("--dialect", null);
        if (dialectName == null) {
            throw new Args.UsageException("--dialect is required (" + Dialects.names() + ")");
        }
        Dialect dialect = Dialects.byName(dialectName).orElseThrow(() -> new Args.UsageException(
                Dialects.unknown(dialectName)));
        boolean tls = args.has("-s");
        int defaultPort = dialect.defaultPort(tls);
        if (defaultPort == 0 && !args.has("-p")) {
            throw new Args.UsageException("dialect " + dialect.name() + " has no default " + (tls ? "TLS" : "plain")
                    + " port: give -p PORT (0 for any free port)");
        }
        int port = args.intValue("-p", defaultPort, 0, 65535);
        int[] questions = questions(args.value("--questions", "100-1000"));
        String secret = args.value("--secret", null);
        byte[] key = secret != null ? secret.getBytes(StandardCharsets.UTF_8) : FlagMinter.randomSecret();
        InetAddress bind = bindAddress(args.value("--bind", "127.0.0.1"));
        String classId = args.value("--class", dialect.defaultClassId());
        OptionalLong seed = args.has("--seed") ? OptionalLong.of(longValue(args.value("--seed", null))) : OptionalLong.empty();
        ServerOptions options = new ServerOptions(dialect, classId, bind, port, Optional.empty(), questions[0], questions[1],
                new FlagMinter(key), Faults.parse(args.all("--fault")), seed, ServerOptions.DEFAULT_IDLE_TIMEOUT,
                Optional.empty());
        if (tls) {
            options = options.withTls(ServerTlsSetup.context(args.value("--cert", null), args.value("--key", null)));
        } else if (args.has("--cert") || args.has("--key")) {
            throw new Args.UsageException("--cert and --key need -s (TLS)");
        }
        return options;
    }

    private static int[] questions(String spec) throws Args.UsageException {
        try {
            int dash = spec.indexOf('-');
            int min = Integer.parseInt(dash < 0 ? spec : spec.substring(0, dash));
            int max = dash < 0 ? min : Integer.parseInt(spec.substring(dash + 1));
            if (min < 1 || max < min || max > 100_000_000) {
                throw new Args.UsageException("--questions must be N or MIN-MAX with 1 <= MIN <= MAX <= 100000000: " + spec);
            }
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--questions must be N or MIN-MAX: " + spec);
        }
    }

    private static long longValue(String v) throws Args.UsageException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--seed must be a number: " + v);
        }
    }

    private static InetAddress bindAddress(String address) throws Args.UsageException {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:]+|localhost")) {
            throw new Args.UsageException("--bind must be an IP address: " + address);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new Args.UsageException("--bind must be an IP address: " + address);
        }
    }
}
