package dev.flagrunner.cli;

import dev.flagrunner.protocol.LineTooLongException;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ended by LF (a CR just before the LF is dropped, so files written on Windows work) of at
 * most {@code maxChars} characters each. An over-long line is skipped up to its LF and reported by a
 * {@link LineTooLongException} (its length in characters) without ever being held in memory; the next
 * call reads the next line.
 * A last line without LF is still a line.
 */
final class BoundedLineReader {

    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;

    BoundedLineReader(Reader reader, int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end of input. */
    String readLine() throws IOException {
        line.setLength(0);
        long length = 0; // the whole line's length, even the part not kept
        char last = '\0';
        boolean terminated = false;
        while (!terminated) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                break;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            // Keep one character beyond the limit: it may be the CR of a line that is exactly maxChars long.
            int room = maxChars + 1 - line.length();
            line.append(buffer, start, Math.min(chunk, Math.max(room, 0)));
            length += chunk;
            if (chunk > 0) {
                last = buffer[position - 1];
            }
            if (position < limit) {
                position++; // the LF
                terminated = true;
            }
        }
        boolean crlf = terminated && last == '\r';
        if (crlf) {
            length--;
        }
        if (length > maxChars) {
            throw new LineTooLongException(length, maxChars);
        }
        if (crlf) {
            line.setLength(line.length() - 1); // short enough, so the whole line, CR included, was kept
        }
        return line.toString();
    }

    /** Whether more input can be read without blocking: buffered here or in the stream below. */
    boolean hasBufferedInput() throws IOException {
        return position < limit || reader.ready();
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
