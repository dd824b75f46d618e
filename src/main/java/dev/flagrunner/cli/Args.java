package dev.flagrunner.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, strict command-line parser: options from a known set (flags without a value, options with
 * one, options that may repeat), then positional arguments. Anything unknown is a {@link UsageException}.
 */
final class Args {

    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {}

    static Args parse(String[] argv, Set<String> flags, Set<String> withValue) throws UsageException {
        Args args = new Args();
        boolean optionsEnded = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (optionsEnded || !a.startsWith("-") || a.equals("-")) {
                args.positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            if (flags.contains(name) && inline == null) {
                args.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = argv[++i];
                }
                args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
        return args;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name, String fallback) throws UsageException {
        List<String> v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.size() > 1) {
            throw new UsageException("option " + name + " given more than once");
        }
        return v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    List<String> positional() {
        return positional;
    }

    int intValue(String name, int fallback, int min, int max) throws UsageException {
        String v = value(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException("option " + name + " must be between " + min + " and " + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " must be a number: " + v);
        }
    }

    /** A command line that cannot run: the command prints the message and its usage, and exits 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
