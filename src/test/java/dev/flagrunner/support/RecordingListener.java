package dev.flagrunner.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A listener on 127.0.0.1 that stands for some other service (a database, an SSH server): it never answers
 * and records what reaches it, to prove that the service sent it nothing, not even a connection.
 */
public final class RecordingListener implements AutoCloseable {

    private final ServerSocket listener;
    /** The client port of every connection accepted, in the order of acceptance. */
    private final List<Integer> accepted = new CopyOnWriteArrayList<>();

    private final List<Integer> ownProbes = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong bytes = new AtomicLong();

    public RecordingListener() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "recording-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The connections made by others before now. The listener connects once itself and counts the connections
     * accepted before its own: the kernel hands out completed connections in order, so one made earlier is
     * accepted earlier, and nothing is left waiting unseen in the backlog.
     */
    public int connectionsSoFar() throws IOException {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port())) {
            int me = probe.getLocalPort();
            ownProbes.add(me);
            await("the listener accepts its own probe")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> accepted.contains(me));
            List<Integer> before = accepted.subList(0, accepted.indexOf(me));
            return (int) before.stream().filter(p -> !ownProbes.contains(p)).count();
        }
    }

    /** Bytes received on every connection so far (its own probes send none). */
    public long bytesReceived() {
        return bytes.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                accepted.add(s.getPort());
                Thread reader = new Thread(() -> count(s), "recording-listener-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void count(Socket s) {
        byte[] buffer = new byte[4096];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                bytes.addAndGet(n);
            }
        } catch (IOException ignored) {
            // Closed: nothing more to count.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
