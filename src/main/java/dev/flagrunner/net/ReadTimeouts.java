package dev.flagrunner.net;

import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Read timeouts without {@code SO_TIMEOUT}. With a socket timeout the JDK reads non-blocking: a read that
 * finds nothing, a {@code poll} with a timer, a second read — three system calls where a blocking read
 * needs one, and on a loopback round trip of ~30 µs that costs ~15% of the exchange rate (measured in
 * README's Performance section). Instead a blocking read is guarded: before it the reader notes its
 * deadline (one volatile write), and one daemon thread per process looks every {@value #TICK_MILLIS} ms
 * for guards past their deadline and closes their sockets, which ends the blocked read at once. A
 * timeout so fires up to one tick late. Writes are guarded the same way: a server that sends and never
 * reads fills the socket buffers, and the client's next write then blocks until the deadline. A guard may
 * also carry the session's own end: no read or write then waits past it, and the guard says which deadline
 * closed the socket.
 */
public final class ReadTimeouts {

    static final long TICK_MILLIS = 50;
    private static final ReadTimeouts SHARED = new ReadTimeouts();

    private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService ticker;

    private ReadTimeouts() {}

    /** The process-wide instance. */
    public static ReadTimeouts shared() {
        return SHARED;
    }

    /** Starts guarding reads of a socket; close the guard when the socket is done with. */
    public Guard guard(Socket socket, Duration timeout) {
        return guard(socket, timeout, System.nanoTime() + Long.MAX_VALUE / 2);
    }

    /**
     * Starts guarding reads and writes of a socket that must also be done with by {@code endNanos} (from
     * {@link System#nanoTime()}): no read or write then waits past it.
     */
    public Guard guard(Socket socket, Duration timeout, long endNanos) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        startTicker();
        Guard guard = new Guard(socket, timeout.toNanos(), endNanos);
        guards.add(guard);
        return guard;
    }

    private void startTicker() {
        if (ticker == null) {
            synchronized (this) {
                if (ticker == null) {
                    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread thread = new Thread(r, "read-timeouts");
                        thread.setDaemon(true);
                        return thread;
                    });
                    t.scheduleWithFixedDelay(this::expireOverdue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
                    ticker = t;
                }
            }
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        for (Guard guard : guards) {
            long deadline = guard.deadline;
            if (deadline != Guard.IDLE && now - deadline > 0) {
                guard.expire(deadline);
            }
        }
    }

    /** Number of sockets guarded now (for tests). */
    int guarded() {
        return guards.size();
    }

    /** The read and write deadline of one socket. */
    public final class Guard implements AutoCloseable {

        private static final long IDLE = Long.MIN_VALUE;

        private final Socket socket;
        private final long timeoutNanos;
        private final long endNanos;
        private volatile long deadline = IDLE;
        private volatile boolean expired;
        private volatile boolean ended;

        private Guard(Socket socket, long timeoutNanos, long endNanos) {
            this.socket = socket;
            this.timeoutNanos = timeoutNanos;
            this.endNanos = endNanos;
        }

        /**
         * A read (or a write) starts now ({@code nowNanos} from {@link System#nanoTime()}); it must end within
         * the timeout.
         */
        public void reading(long nowNanos) {
            long d = nowNanos + timeoutNanos;
            if (d - endNanos > 0) {
                d = endNanos;
            }
            deadline = d == IDLE ? d + 1 : d;
        }

        /** The read or write ended. */
        public void idle() {
            deadline = IDLE;
        }

        /** Whether the socket was closed because a read or write passed its deadline. */
        public boolean expired() {
            return expired;
        }

        /** Whether the deadline that closed the socket was the session's end rather than the read timeout. */
        public boolean ended() {
            return ended;
        }

        private void expire(long passedDeadline) {
            ended = passedDeadline == endNanos || passedDeadline == endNanos + 1;
            expired = true;
            // closeNow: this one thread serves every guard, so a close that waits for a blocked write must not happen.
            Sockets.closeNow(socket);
            guards.remove(this);
        }

        @Override
        public void close() {
            guards.remove(this);
        }
    }
}
