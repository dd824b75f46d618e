package dev.flagrunner.protocol;

import dev.flagrunner.expression.Arithmetic;
import dev.flagrunner.protocol.Dialect.EndForm;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table of every dialect (docs/protocol.md §1), read by the client, the reference server and the CLI. */
public final class Dialects {

    /** Line limit of the EVAL dialects: the real one is unknown (docs/protocol.md §3.3, §3.4); 1 MiB is generous. */
    public static final int EVAL_MAX_MESSAGE = 1 << 20;

    private static final Optional<String> ERR_DIV0 = Optional.of("ERR #DIV/0");

    public static final Dialect STATUS = new Dialect(
            "status",
            "cs5700fall2020",
            "HELLO",
            "STATUS",
            "",
            Optional.empty(),
            Arithmetic.STATUS_FLOOR,
            EndForm.BYE,
            Optional.empty(),
            Framing.LINE_FEED,
            StandardCharsets.US_ASCII,
            256,
            27995,
            27996);

    public static final Dialect FINDCOUNT = new Dialect(
            "findcount",
            "cs3700fall2020",
            "HELLO",
            "FIND",
            "COUNT",
            Optional.empty(),
            Arithmetic.FIND_COUNT,
            EndForm.BYE,
            Optional.empty(),
            Framing.LINE_FEED,
            StandardCharsets.US_ASCII,
            8192,
            27993,
            27994);

    public static final Dialect EVAL2021 = new Dialect(
            "eval2021",
            "cs5700spring2021",
            "HELLO",
            "EVAL",
            "STATUS",
            ERR_DIV0,
            Arithmetic.EVAL2021,
            EndForm.BYE,
            Optional.empty(),
            Framing.LINE_FEED,
            StandardCharsets.US_ASCII,
            EVAL_MAX_MESSAGE,
            27997,
            27998);

    public static final Dialect EVAL2022 = new Dialect(
            "eval2022",
            "cs5700fall2022",
            "HELLO",
            "EVAL",
            "STATUS",
            ERR_DIV0,
            Arithmetic.EVAL2022,
            EndForm.BYE,
            Optional.empty(),
            Framing.LINE_FEED,
            StandardCharsets.US_ASCII,
            EVAL_MAX_MESSAGE,
            0,
            27995);

    public static final Dialect CS230 = new Dialect(
            "cs230",
            "cs230",
            "HELLO",
            "STATUS",
            "",
            Optional.empty(),
            Arithmetic.CS230_TRUNCATE,
            EndForm.BYE,
            Optional.empty(),
            Framing.LINE_FEED,
            StandardCharsets.US_ASCII,
            256,
            27993,
            0);

    public static final Dialect EECE = new Dialect(
            "eece",
            "EECE7374",
            "INTR",
            "EXPR",
            "RSLT",
            Optional.empty(),
            Arithmetic.EECE_TRUE_DIVISION,
            EndForm.SUCC,
            Optional.of("FAIL"),
            Framing.ONE_READ_PER_MESSAGE,
            StandardCharsets.UTF_8,
            4096,
            5206,
            0);

    private static final Map<String, Dialect> BY_NAME = new LinkedHashMap<>();

    static {
        for (Dialect d : List.of(STATUS, FINDCOUNT, EVAL2021, EVAL2022, CS230, EECE)) {
            BY_NAME.put(d.name(), d);
        }
    }

    private Dialects() {}

    public static Optional<Dialect> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every dialect, in the order of docs/protocol.md §1. */
    public static List<Dialect> all() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * The one text for a name that is no dialect's, wherever it comes from (configuration, HTTP request,
     * command line): {@code unknown dialect 'x' (known: status, findcount, …)}.
     */
    public static String unknown(String name) {
        return "unknown dialect '" + name + "' (known: " + names() + ")";
    }

    /** The known names, for error messages: {@code status, findcount, …}. */
    public static String names() {
        return String.join(", ", BY_NAME.keySet());
    }
}
