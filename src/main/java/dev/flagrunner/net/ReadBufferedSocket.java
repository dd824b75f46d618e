package dev.flagrunner.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A TCP socket whose input stream is buffered, to carry TLS. The JDK's TLS socket reads each record in two
 * reads, its 5-byte header and then its body; on a bare socket that is two system calls per message, here
 * the first read fetches the whole record (and whatever follows) and the second is served from memory. The
 * buffer is allocated once per connection; a longer record is read on directly.
 *
 * <p>Not for plain connections: their line reader ({@code protocol.LineReader}) already reads whole messages into its own buffer,
 * and a buffer in between would only copy.
 */
public class ReadBufferedSocket extends Socket {

    /** Bytes buffered: many math-protocol records (a question is one record of well under 100 bytes). */
    static final int BUFFER_SIZE = 8 * 1024;

    private InputStream input;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new UnlockedAvailable(unbuffered());
        }
        return input;
    }

    /**
     * A buffered stream whose {@code available()} does not wait for a read. The JDK's TLS socket asks for it
     * while closing; a {@code BufferedInputStream} holds its lock for the whole of a blocked read, and a
     * server-side handshake reads without the TLS socket's own read lock, so a peer that never sent its
     * ClientHello made the closing thread (the shared timeout thread, or shutdown) wait for that peer.
     */
    private static final class UnlockedAvailable extends BufferedInputStream {

        UnlockedAvailable(InputStream in) {
            super(in, BUFFER_SIZE);
        }

        @Override
        public int available() throws IOException {
            InputStream source = in;
            if (source == null) {
                throw new IOException("Stream closed");
            }
            // What the connection holds, leaving out what is buffered: pos and count change under the lock
            // (fill() resets one before the other), and available() may under-estimate. The JDK calls it
            // only to drain a closing connection, which then reads the buffered bytes from memory.
            return source.available();
        }
    }

    /** The socket's own stream, which the buffer reads: a seam for tests that count those reads. */
    InputStream unbuffered() throws IOException {
        return super.getInputStream();
    }
}
