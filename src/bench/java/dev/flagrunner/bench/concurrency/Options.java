package dev.flagrunner.bench.concurrency;

import java.util.HashMap;
import java.util.Map;

/** The driver's {@code --name value} (or {@code --name=value}) options after its mode. */
final class Options {

    static final String USAGE =
            "usage: ConcurrencyBench freeport | run --base URL [--token-file F] --n N [--questions Q] [--max-in-flight 200]"
                    + " [--prefix c] [--first 1] [--submitters 16] [--poll-ms 100] [--sample-ms 200] [--window 1000] [--http url|jdk] [--tls false]"
                    + " [--flags-capacity 10000] [--history 1000] [--deadline-s 1800] [--pid PID] [--gc-log FILE]"
                    + " [--max-retained-mib 64] [--max-429-retries 600] [--out FILE]"
                    + " | memory --base URL [--token-file F] --pid PID [--n 200] [--questions Q] [--prefix m] [--out FILE]";

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** The options in {@code args} from index {@code from}; a malformed one is a {@link UsageException}. */
    static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("not an option: " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                values.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(a.substring(2), args[++i]);
            } else {
                throw new UsageException(a + " needs a value");
            }
        }
        return new Options(values);
    }

    String text(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    int number(String name, int dflt) {
        String v = values.get(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    /** A command line the driver cannot run: the usage goes to stderr and the exit status is 2. */
    static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }
    }
}
