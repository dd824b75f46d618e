package dev.flagrunner.health;

import dev.flagrunner.net.HostPort;
import dev.flagrunner.net.Sockets;
import dev.flagrunner.protocol.SessionFailure;
import dev.flagrunner.protocol.SocketOpener;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A TCP connect probe of one real math server: connect with the connect timeout, then close at once (no
 * HELLO, so the server sees an empty connection and never a session). The result is kept for the probe
 * interval, so however often health is scraped, the server sees at most one connection per interval.
 */
final class TargetProbe {

    /** How the probe reaches the server; replaced in tests. */
    @FunctionalInterface
    interface Connector {
        void connectAndClose(String host, int port, Duration timeout) throws SessionFailure;
    }

    /** What one probe found; {@code error} is empty when the server was reachable. */
    record Result(boolean reachable, long connectMillis, String error, Instant checkedAt) {}

    static final Connector TCP = (host, port, timeout) -> {
        Socket socket = SocketOpener.connectTcp(host, port, timeout);
        Sockets.closeQuietly(socket);
    };

    private final String name;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration interval;
    private final Clock clock;
    private final Connector connector;
    private Result last;

    TargetProbe(
            String name,
            String host,
            int port,
            Duration connectTimeout,
            Duration interval,
            Clock clock,
            Connector connector) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    String name() {
        return name;
    }

    String address() {
        return HostPort.format(host, port);
    }

    Duration interval() {
        return interval;
    }

    /**
     * The cached result while it is younger than the interval, else a new probe. Synchronized: concurrent
     * health requests wait for the one probe in flight instead of each opening a connection.
     */
    synchronized Result result() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.checkedAt().plus(interval))) {
            return last;
        }
        long start = System.nanoTime();
        Result result;
        try {
            connector.connectAndClose(host, port, connectTimeout);
            result =
                    new Result(true, Duration.ofNanos(System.nanoTime() - start).toMillis(), "", now);
        } catch (SessionFailure f) {
            result = new Result(
                    false,
                    Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    f.reason().name() + ": " + f.detail(),
                    now);
        }
        last = result;
        return result;
    }
}
