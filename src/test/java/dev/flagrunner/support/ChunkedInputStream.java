package dev.flagrunner.support;

import java.io.InputStream;

/** Hands out its bytes in reads of at most {@code chunk} bytes: a stream that fragments every message. */
public final class ChunkedInputStream extends InputStream {

    private final byte[] data;
    private final int chunk;
    private int pos;
    public int reads;

    public ChunkedInputStream(byte[] data, int chunk) {
        this.data = data;
        this.chunk = chunk;
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= data.length) {
            return -1;
        }
        reads++;
        int n = Math.min(Math.min(len, chunk), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }
}
