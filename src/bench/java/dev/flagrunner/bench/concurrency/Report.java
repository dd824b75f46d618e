package dev.flagrunner.bench.concurrency;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks and figures of one driver run: each check printed as it is made, the figures as
 * {@code key=value} lines for bench/concurrency.sh, and the exit status (0 every check passed, 1 not).
 */
final class Report {

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> results = new LinkedHashMap<>();

    Report(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    /** Passes (printed, when {@code what} is given) or fails with {@code what: otherwise}. */
    void check(boolean ok, String what, String otherwise) {
        if (!ok) {
            fail((what == null ? "" : what + ": ") + otherwise);
        } else if (what != null) {
            out.println("check ok:     " + what);
        }
    }

    void fail(String message) {
        failures.add(message);
        out.println("check FAILED: " + message);
    }

    int failures() {
        return failures.size();
    }

    void put(String key, Object value) {
        results.put(key, String.valueOf(value));
    }

    /** Writes the figures to {@code file} (when given), says the verdict; returns the exit status. */
    int finish(String file) throws IOException {
        results.put("checks_failed", String.valueOf(failures.size()));
        if (file != null) {
            StringBuilder sb = new StringBuilder();
            results.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            Files.writeString(Path.of(file), sb.toString());
        }
        out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : failures.size() + " CHECK(S) FAILED");
        return failures.isEmpty() ? 0 : 1;
    }
}
