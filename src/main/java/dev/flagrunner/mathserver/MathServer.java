package dev.flagrunner.mathserver;

import static dev.flagrunner.net.Sockets.closeQuietly;

import dev.flagrunner.net.Sockets;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener of the reference math server: accepts connections and serves each on its own thread,
 * at most {@link #MAX_CONNECTIONS} at once (beyond that a connection is closed at once, as a busy real
 * server did). Plain Java; the service wraps it in a Spring lifecycle bean.
 */
public final class MathServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(MathServer.class);
    static final int MAX_CONNECTIONS = 2048;
    /** The pause after a failed accept: a lasting failure (EMFILE) would otherwise spin a core and flood the log. */
    static final Duration ACCEPT_BACKOFF = Duration.ofMillis(100);
    /** At most one warning per this interval for failing accepts; the ones in between are counted. */
    static final Duration ACCEPT_WARNING_INTERVAL = Duration.ofSeconds(10);

    private final ServerOptions options;
    private final ServerEvents events;
    private final Examiner examiner;
    private final ListenerFactory listeners;
    private final Duration acceptBackoff;
    /** Open until close(): the back-off after a failed accept waits on it, so closing ends the wait at once. */
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Failed accepts not warned about, and when the last warning was; the acceptor thread's only. */
    private int unwarnedAcceptFailures;

    private long lastAcceptWarning;
    private boolean acceptWarned;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final AtomicInteger active = new AtomicInteger();
    /** Open client connections, closed with the server so that stopping it ends them at once. */
    private final java.util.Set<Socket> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ServerSocket serverSocket;
    private ExecutorService workers;
    private Thread acceptor;

    public MathServer(ServerOptions options, ServerEvents events) {
        this(options, events, MathServer::newListener, ACCEPT_BACKOFF);
    }

    /** With another listener socket and back-off: a seam for tests of accept failures. */
    MathServer(ServerOptions options, ServerEvents events, ListenerFactory listeners, Duration acceptBackoff) {
        this.options = options;
        this.events = events;
        this.listeners = listeners;
        this.acceptBackoff = acceptBackoff;
        this.examiner = new Examiner(options.dialect(), options.classId());
    }

    /** Makes the unbound listener socket of a server. */
    @FunctionalInterface
    interface ListenerFactory {
        ServerSocket create(ServerOptions options) throws IOException;
    }

    private static ServerSocket newListener(ServerOptions options) throws IOException {
        return options.tls().isPresent() ? new TlsListener(options.tls().get()) : new ServerSocket();
    }

    /** Binds and starts accepting; returns this server. */
    public synchronized MathServer start() throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = listeners.create(options);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(options.bindAddress(), options.port()), 512);
        serverSocket = socket;
        String name = "mathserver-" + options.dialect().name() + "-" + options.transport();
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    public ServerOptions options() {
        return options;
    }

    /** The bound port (the ephemeral one when configured with 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    /** True while the listener accepts connections. */
    public boolean isAccepting() {
        ServerSocket s = serverSocket;
        return s != null && !s.isClosed() && acceptor.isAlive();
    }

    public int activeConnections() {
        return active.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (IOException e) {
                if (!serverSocket.isClosed() && !backOff(e)) {
                    return;
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                closeQuietly(client);
                events.sessionEnded(options, ServerOutcome.ERROR);
                continue;
            }
            active.incrementAndGet();
            connections.add(client);
            try {
                workers.execute(() -> {
                    try {
                        new ServerConnection(client, options, examiner, events).run();
                    } finally {
                        connections.remove(client);
                        active.decrementAndGet();
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                connections.remove(client);
                active.decrementAndGet();
                slots.release();
                closeQuietly(client);
            }
        }
    }

    /**
     * After a failed accept: warns (at most once per {@link #ACCEPT_WARNING_INTERVAL}, counting the failures
     * in between) and waits {@link #acceptBackoff}, or less when the server is closed meanwhile.
     *
     * @return false when the acceptor should stop (it was interrupted)
     */
    private boolean backOff(IOException e) {
        long now = System.nanoTime();
        if (!acceptWarned || now - lastAcceptWarning >= ACCEPT_WARNING_INTERVAL.toNanos()) {
            String more = unwarnedAcceptFailures == 0
                    ? ""
                    : " (and " + unwarnedAcceptFailures + " times since the last warning)";
            log.warn(
                    "math server {} accept failed{}: {}; retrying every {} ms",
                    options.dialect().name(),
                    more,
                    e.toString(),
                    acceptBackoff.toMillis());
            acceptWarned = true;
            lastAcceptWarning = now;
            unwarnedAcceptFailures = 0;
        } else {
            unwarnedAcceptFailures++;
        }
        try {
            closed.await(acceptBackoff.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the acceptor thread to end; true when it did (for tests). */
    boolean awaitAcceptorEnd(Duration timeout) throws InterruptedException {
        acceptor.join(Math.max(1, timeout.toMillis()));
        return !acceptor.isAlive();
    }

    @Override
    public synchronized void close() {
        if (serverSocket == null) {
            return;
        }
        // The listener first: an acceptor woken from its back-off by the latch must find it closed, or it
        // retries the failing accept without backing off until the listener is (a spin, while close() runs).
        closeQuietly(serverSocket);
        closed.countDown();
        connections.forEach(Sockets::closeQuietly);
        workers.shutdownNow();
    }
}
