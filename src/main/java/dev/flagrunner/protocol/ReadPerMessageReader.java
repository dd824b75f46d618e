package dev.flagrunner.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Framing of the EECE7374 dialect: no delimiter, each read is one message (the sample server does
 * exactly that). A read that fills the whole buffer is taken as a message over the limit.
 */
public final class ReadPerMessageReader implements MessageReader {

    private final InputStream in;
    private final int maxMessageLength;
    private final Charset charset;
    private final byte[] buffer;

    public ReadPerMessageReader(InputStream in, int maxMessageLength, Charset charset) {
        if (maxMessageLength <= 0) {
            throw new IllegalArgumentException("maxMessageLength must be positive: " + maxMessageLength);
        }
        this.in = in;
        this.maxMessageLength = maxMessageLength;
        this.charset = charset;
        this.buffer = new byte[maxMessageLength + 1];
    }

    @Override
    public String next() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            return null;
        }
        if (n > maxMessageLength) {
            throw LineTooLongException.atLeast(n, maxMessageLength);
        }
        // A trailing LF is harmless in this dialect (the sample server uses split()): drop it.
        int length = n > 0 && buffer[n - 1] == '\n' ? n - 1 : n;
        return new String(buffer, 0, length, charset);
    }
}
