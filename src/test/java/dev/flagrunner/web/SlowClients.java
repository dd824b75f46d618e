package dev.flagrunner.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bounded number of hostile clients on loopback: each opens a connection, sends a beginning, then one byte at a
 * time on a fixed beat (never finishing), until {@link #close()}. Tells which connections the service has ended.
 */
final class SlowClients implements AutoCloseable {

    private final List<Connection> connections = new ArrayList<>();
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-clients");
        t.setDaemon(true);
        return t;
    });

    /** Opens {@code count} connections that send {@code start}, then one byte of {@code drip} every {@code millis}. */
    static SlowClients open(int port, int count, String start, String drip, long millis) throws IOException {
        SlowClients clients = new SlowClients();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.getOutputStream().write(start.getBytes(StandardCharsets.ISO_8859_1));
            clients.connections.add(new Connection(socket));
        }
        byte[] bytes = drip.getBytes(StandardCharsets.ISO_8859_1);
        int[] next = {0};
        clients.beat.scheduleAtFixedRate(
                () -> {
                    byte b = bytes[next[0]++ % bytes.length];
                    for (Connection connection : clients.connections) {
                        try {
                            connection.socket.getOutputStream().write(b);
                        } catch (IOException e) {
                            // Ended by the service: what the tests wait for.
                        }
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return clients;
    }

    /** How many connections the service has closed (after its answer, if it gave one). */
    long endedByTheService() {
        return connections.stream().filter(Connection::ended).count();
    }

    int size() {
        return connections.size();
    }

    /** What a connection received before the service closed it (its refusal, if any). */
    String received(int i) {
        return connections.get(i).received.toString(StandardCharsets.ISO_8859_1);
    }

    private static final class Connection {
        final Socket socket;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed;

        Connection(Socket socket) {
            this.socket = socket;
        }

        synchronized boolean ended() {
            byte[] buffer = new byte[4096];
            try {
                socket.setSoTimeout(1);
                InputStream in = socket.getInputStream();
                for (int n; !closed && (n = in.read(buffer)) != 0; ) {
                    if (n < 0) {
                        closed = true;
                    } else {
                        received.write(buffer, 0, n);
                    }
                }
            } catch (SocketTimeoutException e) {
                // Still open.
            } catch (IOException e) {
                closed = true; // reset by the service
            }
            return closed;
        }
    }

    @Override
    public void close() {
        beat.shutdownNow();
        for (Connection connection : connections) {
            try {
                connection.socket.close();
            } catch (IOException e) {
                // Closing is all that is left to do.
            }
        }
    }
}
