package dev.flagrunner.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A hostile server on 127.0.0.1 that writes one question over and over and never reads: a client that
 * answers each question fills the socket buffers and then blocks in its write. Its thread ends when a
 * write fails (the client closed the connection), checked by {@link #awaitDone}.
 */
public final class FloodingServer implements AutoCloseable {

    private final ServerSocket listener;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Socket client;

    /** @param tls null for plain TCP */
    public FloodingServer(String question, SSLContext tls) throws IOException {
        listener = tls == null
                ? new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        byte[] chunk = (question + "\n").repeat(Math.max(1, 16384 / (question.length() + 1)))
                .getBytes(StandardCharsets.US_ASCII);
        Thread thread = new Thread(() -> {
            try (Socket s = listener.accept()) {
                client = s;
                if (s instanceof SSLSocket ssl) {
                    ssl.startHandshake();
                }
                OutputStream out = s.getOutputStream();
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException ignored) {
                // The client went away: the flood is over.
            } finally {
                done.countDown();
            }
        }, "flooding-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits for the server's thread to end; true when it did. */
    public boolean awaitDone(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    /** Closes the listener and the connection, abortively: a TLS close would wait for a write blocked under the same lock. */
    @Override
    public void close() throws IOException {
        listener.close();
        Socket c = client;
        if (c != null && !c.isClosed()) {
            try {
                c.setSoLinger(true, 0);
            } catch (IOException closedMeanwhile) {
                // The server's thread closed it: nothing left to wait for.
            }
            c.close();
        }
    }
}
