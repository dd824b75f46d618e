package dev.flagrunner.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The slowest math server there is, on 127.0.0.1: it accepts up to {@code maxConnections} clients and never
 * says a word, so each session to it runs until it is cancelled or its read timeout ends it. Further clients are
 * closed at once. {@link #close()} closes the listener and every connection.
 */
public final class HoldingServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public HoldingServer(int maxConnections) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try {
                            Socket s = listener.accept();
                            if (held.size() < maxConnections) {
                                held.add(s);
                            } else {
                                s.close();
                            }
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "holding-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted and held so far. */
    public int held() {
        return held.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
