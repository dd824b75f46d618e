package dev.flagrunner.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A {@code status} server on 127.0.0.1 whose sessions stay running until the test says so: each connection
 * gets one question, and after its answer waits for {@link #release()} before the last {@value #QUESTIONS}
 * minus one questions and the flag. A test of running sessions then depends on no clock. At most
 * {@value #MAX_CONNECTIONS} connections are served at once; a held one gives up after a minute.
 */
public final class HeldStatusServer implements AutoCloseable {

    public static final int QUESTIONS = 3;
    private static final int MAX_CONNECTIONS = 16;
    private static final String CLS = "cs5700fall2020";

    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newFixedThreadPool(MAX_CONNECTIONS + 1);
    private final CountDownLatch released = new CountDownLatch(1);

    public HeldStatusServer() throws IOException {
        listener = new ServerSocket(0, MAX_CONNECTIONS, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Lets every held session, and every later one, run to its flag. */
    public void release() {
        released.countDown();
    }

    /** The flag a session of this student gets. */
    public static String flag(String studentId) {
        byte[] bytes = new byte[32];
        byte[] id = studentId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, bytes, 0, Math.min(id.length, bytes.length));
        return HexFormat.of().formatHex(bytes);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            ScriptedServer.Conversation c = new ScriptedServer.Conversation(socket);
            String hello = c.readLine();
            String studentId = hello == null ? "" : hello.substring(hello.lastIndexOf(' ') + 1);
            for (int i = 1; i <= QUESTIONS; i++) {
                c.send(CLS + " STATUS " + i + " + 1\n");
                if (c.readLine() == null) {
                    return;
                }
                if (i == 1 && !released.await(1, TimeUnit.MINUTES)) {
                    return;
                }
            }
            c.send(CLS + " " + flag(studentId) + " BYE\n");
        } catch (IOException | InterruptedException ignored) {
            // The client went away (a cancelled session): this connection is over.
        }
    }

    @Override
    public void close() throws IOException {
        release();
        listener.close();
        connections.shutdownNow();
    }
}
