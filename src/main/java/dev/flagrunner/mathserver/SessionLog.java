package dev.flagrunner.mathserver;

import dev.flagrunner.text.Quoter;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The math server's log: one line per connection, what a peer sent only through {@link Quoter} (escaped, at most
 * {@link #QUOTED_CHARS} characters), and at most {@link #BURST} lines at once and {@link #PER_SECOND} a second
 * after that for all the listeners of a {@link ConnectionBudget} (the whole service, or the stand-alone server): a flood of connections cannot flood the log. The lines left out are counted
 * and the next line written says how many.
 */
final class SessionLog {

    static final int QUOTED_CHARS = 24;
    static final int BURST = 100;
    static final int PER_SECOND = 20;

    private static final Logger log = LoggerFactory.getLogger(MathServer.class);
    private static final Quoter QUOTER = new Quoter(QUOTED_CHARS);

    private final LongSupplier nanoTime;
    private double tokens = BURST;
    private long refilled;
    private long suppressed;

    SessionLog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.refilled = nanoTime.getAsLong();
    }

    /** A peer's text as the log shows it. */
    static String quote(String peerText) {
        return QUOTER.quote(peerText);
    }

    void ended(ServerOptions options, String studentId, ServerOutcome outcome, int answers) {
        long left = take();
        if (left < 0) {
            return;
        }
        log.info(
                "math server session ended: dialect={} transport={} student={} outcome={} answers={}{}",
                options.dialect().name(),
                options.transport(),
                studentId == null ? "?" : quote(studentId),
                outcome,
                answers,
                omitted(left));
    }

    void refused(ServerOptions options, String why) {
        long left = take();
        if (left < 0) {
            return;
        }
        log.warn(
                "math server {} ({}) refused a connection: {}{}",
                options.dialect().name(),
                options.transport(),
                why,
                omitted(left));
    }

    void failed(ServerOptions options, RuntimeException e) {
        long left = take();
        if (left >= 0) {
            log.warn("math server {} connection failed{}", options.dialect().name(), omitted(left), e);
        }
    }

    /**
     * A failed accept on a listener (out of file descriptors, say). netty's acceptor stops accepting on that
     * listener for a second after each; this line takes the place of the pipeline tail's warning, which had no
     * bound. The cause is the process's own error, not a peer's text.
     */
    void acceptFailed(ServerOptions options, Throwable cause) {
        long left = take();
        if (left >= 0) {
            log.warn(
                    "math server {} ({}) accept failed: {}; accepting again in 1 s{}",
                    options.dialect().name(),
                    options.transport(),
                    cause.toString(),
                    omitted(left));
        }
    }

    private static String omitted(long count) {
        return count == 0 ? "" : " (" + count + " earlier lines left out: over " + PER_SECOND + " a second)";
    }

    /** A token for one line: the count of lines left out before it, or -1 when this one is left out too. */
    synchronized long take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(BURST, tokens + (now - refilled) * PER_SECOND / 1e9);
        refilled = now;
        if (tokens < 1) {
            suppressed++;
            return -1;
        }
        tokens--;
        long left = suppressed;
        suppressed = 0;
        return left;
    }
}
