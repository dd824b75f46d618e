package dev.flagrunner.support;

import dev.flagrunner.net.Sockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A test server on 127.0.0.1, plain or TLS, that plays a script against the first client that connects: a
 * hostile or odd math server. Its thread ends when the script ends and is checked by {@link #awaitDone}.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with a connection. */
    @FunctionalInterface
    public interface Script {
        void play(Conversation c) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Socket client;

    public ScriptedServer(Script script) throws IOException {
        this(null, script);
    }

    /** @param tls null for plain TCP; over TLS the handshake is completed before the script plays */
    public ScriptedServer(SSLContext tls, Script script) throws IOException {
        listener = tls == null
                ? new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(
                () -> {
                    try (Socket s = listener.accept()) {
                        client = s;
                        if (s instanceof SSLSocket ssl) {
                            ssl.startHandshake();
                        }
                        script.play(new Conversation(s));
                    } catch (IOException | InterruptedException ignored) {
                        // The client went away: the script is over.
                    } finally {
                        done.countDown();
                    }
                },
                "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits for the script to end; true when it did. */
    public boolean awaitDone(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    /**
     * A script that writes one question over and over and never reads: a client that answers each question
     * fills the socket buffers and then blocks in its write. It ends when a write fails (the client closed).
     */
    public static Script flood(String question) {
        byte[] chunk = (question + "\n")
                .repeat(Math.max(1, 16384 / (question.length() + 1)))
                .getBytes(StandardCharsets.US_ASCII);
        return c -> {
            while (true) {
                c.send(chunk);
            }
        };
    }

    /**
     * A status server that never stops asking: after the HELLO, question after question with {@code classId},
     * each after the previous answer, counting the answers. It ends when the client closes.
     */
    public static Script askForever(String classId, AtomicInteger answers) {
        return c -> {
            c.readLine();
            for (int i = 0; ; i++) {
                c.send(classId + " STATUS " + i + " * 2\n");
                if (c.readLine() == null) {
                    return;
                }
                answers.incrementAndGet();
            }
        };
    }

    /**
     * A server that asks one question, reads the answer and then goes quiet: it sends nothing more until the
     * client closes. Only a limit on the session's time (or the read timeout) ends such a session.
     */
    public static Script oneQuestionThenQuiet(String question) {
        return c -> {
            c.readLine();
            c.send(question + "\n");
            c.readLine();
            c.awaitClientClose();
        };
    }

    /** Closes the listener and the connection; a TLS one abortively, as a script may be blocked writing to it. */
    @Override
    public void close() throws IOException {
        listener.close();
        Socket c = client;
        if (c != null) {
            Sockets.closeNow(c);
        }
    }

    /** One connection, seen from the server. */
    public static final class Conversation {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads one line (without LF) byte by byte; null at end of stream. */
        public String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return line.toString();
                }
                line.append((char) b);
            }
            return line.isEmpty() ? null : line.toString();
        }

        public void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Waits until the client closes the connection (or the socket is closed). */
        public void awaitClientClose() throws IOException {
            while (in.read() != -1) {
                // Discard whatever the client still sends.
            }
        }

        public Socket socket() {
            return socket;
        }
    }
}
