package dev.flagrunner.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Bounded line framing: reads from the stream in large chunks, hands out one line at a time, keeps the
 * bytes of following lines for the next call (several messages in one read, a message split across
 * reads). A line longer than {@code maxLineLength} bytes (terminator excluded) fails with
 * {@link LineTooLongException} as soon as the limit is passed: the rest is not buffered, and the reader
 * is not usable afterwards (the session ends; resynchronising with a hostile server is pointless).
 *
 * <p>Terminator policy: LF ends a line. A lenient reader (the client's) drops one CR right before the
 * LF, so a CRLF server works; a strict one (the reference server's, which compares answers byte-exactly
 * as the CS230 server did) keeps it in the line. A lone CR elsewhere always stays in the line, where
 * strict message parsing rejects it.
 *
 * <p>Memory: the buffer starts at {@link #BASE_BUFFER} bytes (less for a smaller limit), which every honest
 * message fits. Growing beyond that takes the growth from a shared {@link BytesInFlight} budget first (or fails
 * with {@link OverBudgetException}); the buffer shrinks back to its base, and gives the growth back, at the next
 * call once the long message has been handed out (the caller is done with it), and at {@link #close()}. Not
 * thread-safe.
 */
public final class LineReader implements MessageReader {

    /** Bytes of buffer a reader holds without asking the budget: well above any honest message. */
    public static final int BASE_BUFFER = 8192;

    private final InputStream in;
    private final int maxLineLength;
    private final Charset charset;
    private final boolean dropCarriageReturn;
    private final BytesInFlight budget;
    private final int baseLength;
    /** Bytes of the buffer beyond its base, taken from the budget. */
    private long taken;

    private byte[] buffer;
    private int start;
    private int end;
    /** Where the search for LF resumes: bytes in [start, scanned) hold no LF. */
    private int scanned;

    /** A lenient reader: CR LF ends a line as LF does. */
    public LineReader(InputStream in, int maxLineLength, Charset charset) {
        this(in, maxLineLength, charset, true);
    }

    /** A reader whose buffer may grow to the limit without asking any budget (the reference server's). */
    public LineReader(InputStream in, int maxLineLength, Charset charset, boolean dropCarriageReturn) {
        this(in, maxLineLength, charset, dropCarriageReturn, new BytesInFlight(Long.MAX_VALUE));
    }

    public LineReader(
            InputStream in, int maxLineLength, Charset charset, boolean dropCarriageReturn, BytesInFlight budget) {
        if (maxLineLength <= 0) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
        this.in = in;
        this.maxLineLength = maxLineLength;
        this.charset = charset;
        this.dropCarriageReturn = dropCarriageReturn;
        this.budget = budget;
        // +2: room for the CR LF of a line of the maximum length.
        this.baseLength = Math.min(BASE_BUFFER, maxLineLength + 2);
        this.buffer = new byte[baseLength];
    }

    @Override
    public String next() throws IOException {
        shrinkToBase();
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = (dropCarriageReturn && i > start && buffer[i - 1] == '\r') ? i - 1 : i;
                    checkLength(lineEnd - start);
                    String line = new String(buffer, start, lineEnd - start, charset);
                    start = i + 1;
                    scanned = start;
                    return line;
                }
            }
            scanned = end;
            // A CR may still precede the LF to come, so allow one byte more than the limit before failing;
            // the line then holds at least all these bytes but such a CR.
            if (end - start > maxLineLength + 1) {
                throw LineTooLongException.atLeast(end - start - 1, maxLineLength);
            }
            if (!fill()) {
                if (end == start) {
                    return null;
                }
                String partial = new String(buffer, start, end - start, charset);
                start = end;
                throw new TruncatedMessageException(partial);
            }
        }
    }

    private void checkLength(int length) throws LineTooLongException {
        if (length > maxLineLength) {
            throw new LineTooLongException(length, maxLineLength);
        }
    }

    /** Gives the growth back once what is left fits the base again (a long message was handed out). */
    private void shrinkToBase() {
        if (taken == 0 || end - start > baseLength) {
            return;
        }
        byte[] base = new byte[baseLength];
        System.arraycopy(buffer, start, base, 0, end - start);
        end -= start;
        scanned -= start;
        start = 0;
        buffer = base;
        close();
    }

    /** Gives back what the buffer took from the budget; the reader is not used afterwards. */
    @Override
    public void close() {
        budget.give(taken);
        taken = 0;
    }

    /** Reads more bytes, compacting or growing the buffer first; false at end of stream. */
    private boolean fill() throws IOException {
        if (start == end) {
            // Everything handed out: read into the whole buffer, not into what is left of its tail
            // (a 30-byte message arriving in a 7-byte tail would take two reads).
            start = 0;
            end = 0;
            scanned = 0;
        } else if (end == buffer.length) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            } else {
                int grown = Math.min(buffer.length * 2, maxLineLength + 2);
                if (!budget.tryTake(grown - buffer.length)) {
                    throw new OverBudgetException(end - start, baseLength, budget.capacity());
                }
                taken += grown - buffer.length;
                buffer = Arrays.copyOf(buffer, grown);
            }
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }
}
