package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Flagrunner's concurrency load driver (bench/CONCURRENCY.md), run by bench/concurrency.sh against one
 * running service on 127.0.0.1 over plain HTTP.
 *
 * <pre>
 *   ConcurrencyBench freeport
 *   ConcurrencyBench run    --base http://127.0.0.1:PORT --n 1000 --questions 1000 [options]
 *   ConcurrencyBench memory --base http://127.0.0.1:PORT --pid PID [--n 200] [options]
 * </pre>
 *
 * {@code run} is {@link LoadRun}, {@code memory} is {@link MemoryRun}. Exit status 0 when every check
 * passed, 1 when one failed, 2 on a usage error. {@code --out FILE} also writes the figures as {@code
 * key=value} lines. HTTP goes through HttpURLConnection's keep-alive pool by default ({@code --http url};
 * {@code --http jdk}: java.net.http.HttpClient, see {@link Service}).
 */
public final class ConcurrencyBench {

    private ConcurrencyBench() {}

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(args);
        } catch (Options.UsageException e) {
            System.err.println("ConcurrencyBench: " + e.getMessage());
            System.err.println(Options.USAGE);
            status = 2;
        }
        System.exit(status);
    }

    private static int run(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            throw new Options.UsageException("no mode given");
        }
        Options opts = Options.parse(args, 1);
        switch (args[0]) {
            case "freeport" -> {
                try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    System.out.println(s.getLocalPort());
                }
                return 0;
            }
            case "run" -> {
                return new LoadRun(service(opts), opts, process(opts), deadline(opts), new Report(System.out)).run();
            }
            case "memory" -> {
                return new MemoryRun(service(opts), opts, process(opts), deadline(opts), new Report(System.out)).run();
            }
            default -> throw new Options.UsageException("unknown mode " + args[0]);
        }
    }

    private static Service service(Options opts) {
        return new Service(
                opts.text("base", null),
                opts.text("http", "url"),
                opts.text("token-file", null),
                Boolean.parseBoolean(opts.text("tls", "false")));
    }

    /** The service's process when {@code --pid} is given: heap after a full GC (jcmd), CPU time. */
    private static ServiceProcess process(Options opts) {
        String pid = opts.text("pid", null);
        return pid == null ? null : new ServiceProcess(pid);
    }

    private static Deadline deadline(Options opts) {
        return Deadline.in(opts.number("deadline-s", 1800));
    }
}
