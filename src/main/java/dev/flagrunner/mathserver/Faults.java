package dev.flagrunner.mathserver;

import dev.flagrunner.protocol.Dialect;
import dev.flagrunner.protocol.Framing;
import java.util.List;
import java.util.Optional;

/**
 * Misbehaviour the reference server can put on for testing clients (docs/protocol.md §8.5); all off by default.
 *
 * @param fragment    every message is split across two writes
 * @param coalesce    every fifth question goes out in one write with the next one (pipelining: the
 *                    server sends it before it has read the answer to the first)
 * @param crlf        CR LF line ends instead of LF
 * @param delayMillis a pause before each question
 * @param byeOrder    the field order of the BYE message, where not the dialect's own
 */
public record Faults(boolean fragment, boolean coalesce, boolean crlf, int delayMillis, Optional<ByeOrder> byeOrder) {

    public static final Faults NONE = new Faults(false, false, false, 0, Optional.empty());

    public enum ByeOrder {
        FLAG_FIRST,
        BYE_FIRST
    }

    public Faults {
        if (delayMillis < 0 || delayMillis > 60_000) {
            throw new IllegalArgumentException("fault delay must be 0..60000 ms: " + delayMillis);
        }
    }

    /**
     * Parses fault words: {@code fragment}, {@code coalesce}, {@code crlf}, {@code delay=<ms>},
     * {@code bye-order=flag-first|bye-first}.
     */
    public static Faults parse(List<String> words) {
        boolean fragment = false;
        boolean coalesce = false;
        boolean crlf = false;
        int delay = 0;
        Optional<ByeOrder> order = Optional.empty();
        for (String word : words) {
            String w = word.trim();
            if (w.equals("fragment")) {
                fragment = true;
            } else if (w.equals("coalesce")) {
                coalesce = true;
            } else if (w.equals("crlf")) {
                crlf = true;
            } else if (w.startsWith("delay=")) {
                try {
                    delay = Integer.parseInt(w.substring("delay=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("fault delay must be a number of milliseconds: '" + w + "'");
                }
            } else if (w.equals("bye-order=flag-first")) {
                order = Optional.of(ByeOrder.FLAG_FIRST);
            } else if (w.equals("bye-order=bye-first")) {
                order = Optional.of(ByeOrder.BYE_FIRST);
            } else {
                throw new IllegalArgumentException("unknown fault '" + w
                        + "' (known: fragment, coalesce, crlf, delay=<ms>, bye-order=flag-first|bye-first)");
            }
        }
        return new Faults(fragment, coalesce, crlf, delay, order);
    }

    /** Rejects faults that would break a dialect's framing itself rather than test a client. */
    public void checkApplicableTo(Dialect dialect) {
        if (dialect.framing() == Framing.ONE_READ_PER_MESSAGE && (fragment || coalesce || crlf)) {
            throw new IllegalArgumentException("faults fragment, coalesce and crlf do not apply to dialect "
                    + dialect.name() + ": it has no framing, one read is one message");
        }
        if (dialect.end() != Dialect.EndForm.BYE && byeOrder.isPresent()) {
            throw new IllegalArgumentException("fault bye-order does not apply to dialect " + dialect.name());
        }
    }
}
